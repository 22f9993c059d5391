import { NextResponse } from "next/server";
import { readUploadForm } from "@/features/evidence/server/read-upload";
import { importPlanFile } from "@/features/plan-import/server/import-file";
import { MAX_PLAN_FILE_BYTES } from "@/features/plan-import/server/read-document";
import { getSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { markRecentWrite } from "@/lib/db/read-db";
import { errorResponse, idParam } from "@/lib/http";

const LIMIT = MAX_PLAN_FILE_BYTES + 64 * 1024;

// Upload of a plan document (multipart `file`; ?issuingOrgId= optional, default the importer's org).
// Session and permission are checked before a byte of the body is read; the body is read with a
// hard cap, and the file's kind is sniffed from its bytes (read-document.ts). Answers { draftId }.
export async function POST(req: Request) {
  try {
    const user = await getSession();
    if (!user) throw new AppError("UNAUTHENTICATED");
    if (!user.permissions.has("plan:manage")) throw new AppError("FORBIDDEN");
    const rawOrg = new URL(req.url).searchParams.get("issuingOrgId");
    const issuingOrgId = rawOrg === null ? undefined : idParam(rawOrg);
    if (issuingOrgId === null) throw new AppError("VALIDATION", { issuingOrgId: "invalid" });
    if (Number(req.headers.get("content-length") ?? 0) > LIMIT) throw new AppError("FILE_TOO_LARGE");
    const form = await readUploadForm(req, LIMIT);
    const draft = await importPlanFile(user, { bytes: form.file.bytes, name: form.file.name, issuingOrgId });
    await markRecentWrite();
    return NextResponse.json(draft, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
