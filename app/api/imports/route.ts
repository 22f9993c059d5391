import { NextResponse } from "next/server";
import { startImport } from "@/features/imports/server/create-job";
import { readImportUpload } from "@/features/imports/server/upload-request";
import { markRecentWrite } from "@/lib/db/read-db";
import { errorResponse } from "@/lib/http";

// POST /api/imports?kind=ORGS (multipart: file): a new job in the uploader's scope, parsed in the
// background; answers { id } at once and the page follows the job.
export async function POST(req: Request) {
  try {
    const { user, kind, fileName, bytes } = await readImportUpload(req);
    const { jobId } = await startImport(user, { kind, fileName, bytes });
    await markRecentWrite();
    return NextResponse.json({ id: jobId }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
