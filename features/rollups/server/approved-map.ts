import "server-only";
import { readFile } from "node:fs/promises";
import { getEnv } from "@/lib/env";
import { approvedMapFrom, type TApprovedMap } from "../lib/map-setting";

/** The deployment's approved map, or null: then the national view shows the province tiles. */
export function approvedMap(): TApprovedMap | null {
  return approvedMapFrom(getEnv(), /*turbopackIgnore: true*/ process.cwd());
}

/** The approved map's GeoJSON text; null when no approved map is configured. */
export async function readApprovedMapGeoJson(): Promise<string | null> {
  const map = approvedMap();
  return map ? readFile(/*turbopackIgnore: true*/ map.geoJsonPath, "utf8") : null;
}
