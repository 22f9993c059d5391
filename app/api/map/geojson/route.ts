import { readApprovedMapGeoJson } from "@/features/rollups/server/approved-map";
import { authorize } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";

// The deployer's approved China map (MAP_GEOJSON, with MAP_APPROVAL_NO), for the national completion
// map; 404 when none is configured (the page then shows the province tiles and never asks for it).
export async function GET() {
  try {
    await authorize("report:read");
    const json = await readApprovedMapGeoJson();
    if (json === null) throw new AppError("NOT_FOUND");
    return new Response(json, {
      headers: {
        "Content-Type": "application/geo+json; charset=utf-8",
        "Cache-Control": "private, max-age=3600",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
