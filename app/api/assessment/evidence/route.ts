import { NextResponse } from "next/server";
import { checkEvidenceUpload, saveAssessmentEvidence } from "@/features/assessment/server/evidence";
import { MAX_FILE_BYTES, MULTIPART_OVERHEAD } from "@/features/evidence/lib/file-kind";
import { readUploadForm } from "@/features/evidence/server/read-upload";
import { authorize } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { markRecentWrite } from "@/lib/db/read-db";
import { errorResponse, idParam } from "@/lib/http";

const LIMIT = MAX_FILE_BYTES + MULTIPART_OVERHEAD;

// POST /api/assessment/evidence?scheme=<id>: one evidence file of a manual 考评 item (multipart
// `file`), kept unlinked until the item is saved. assessment:manage, the scheme run by the
// caller's org with a PUBLISHED version (else 404 / ASSESSMENT_NOT_PUBLISHED) and the upload quota
// are checked before a byte of the body is read; the body is read with a hard byte cap and the
// file checked by its content (features/assessment/server/evidence.ts).
export async function POST(req: Request) {
  try {
    const user = await authorize("assessment:manage");
    const schemeId = idParam(new URL(req.url).searchParams.get("scheme") ?? "");
    if (!schemeId) throw new AppError("NOT_FOUND");
    await checkEvidenceUpload(user, schemeId);
    if (Number(req.headers.get("content-length") ?? 0) > LIMIT) throw new AppError("FILE_TOO_LARGE");
    const form = await readUploadForm(req, LIMIT);
    const saved = await saveAssessmentEvidence(user, { schemeId, file: form.file });
    await markRecentWrite();
    return NextResponse.json(saved, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
