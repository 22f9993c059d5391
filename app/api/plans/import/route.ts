import { NextResponse } from "next/server";
import { readUploadForm } from "@/features/evidence/server/read-upload";
import { importPlanFile } from "@/features/plan-import/server/import-file";
import { MAX_PLAN_FILE_BYTES } from "@/features/plan-import/server/read-document";
import { ZImportOptions } from "@/features/plan-import/schemas";
import { getSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { markRecentWrite } from "@/lib/db/read-db";
import { errorResponse } from "@/lib/http";

const LIMIT = MAX_PLAN_FILE_BYTES + 64 * 1024;

// Upload of a plan document: multipart `file`, and in the query the form's ZImportOptions
// (?issuingOrgId=, default the importer's org; ?part=三 reads only that top-level part).
// Session and permission are checked before a byte of the body is read; the body is read with a
// hard cap, and the file's kind is sniffed from its bytes (read-document.ts). Answers { draftId }.
export async function POST(req: Request) {
  try {
    const user = await getSession();
    if (!user) throw new AppError("UNAUTHENTICATED");
    if (!user.permissions.has("plan:manage")) throw new AppError("FORBIDDEN");
    const query = new URL(req.url).searchParams;
    const options = ZImportOptions.safeParse({
      issuingOrgId: query.get("issuingOrgId") ?? undefined,
      part: query.get("part") ?? undefined,
    });
    if (!options.success)
      throw new AppError(
        "VALIDATION",
        Object.fromEntries(options.error.issues.map((i) => [i.path.join("."), i.message])),
      );
    if (Number(req.headers.get("content-length") ?? 0) > LIMIT) throw new AppError("FILE_TOO_LARGE");
    const form = await readUploadForm(req, LIMIT);
    const { bytes, name } = form.file;
    const draft = await importPlanFile(user, { bytes, name, ...options.data });
    await markRecentWrite();
    return NextResponse.json(draft, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
