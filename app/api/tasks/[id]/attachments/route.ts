import { NextResponse } from "next/server";
import { MAX_FILE_BYTES, MULTIPART_OVERHEAD } from "@/features/evidence/lib/file-kind";
import { readUploadForm } from "@/features/evidence/server/read-upload";
import { saveAttachment, type TPurpose } from "@/features/evidence/server/save-attachment";
import { checkUploadAllowed } from "@/features/evidence/server/upload-gate";
import { getSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { markRecentWrite } from "@/lib/db/read-db";
import { errorResponse, idParam } from "@/lib/http";

const LIMIT = MAX_FILE_BYTES + MULTIPART_OVERHEAD;
const purposeOf = (v: unknown): TPurpose | undefined => (v === "report" || v === "progress" ? v : undefined);

// One evidence file per request (multipart: file, purpose = progress | report; the purpose may also
// be given as ?purpose=). Session, scope, rights, task state and the upload quota are checked
// before a byte of the body is read; the body is then read with a hard byte cap (also without a
// Content-Length), and the file is checked by its content.
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await getSession();
    if (!user) throw new AppError("UNAUTHENTICATED");
    const taskId = idParam((await ctx.params).id);
    if (!taskId) throw new AppError("NOT_FOUND");
    const declared = purposeOf(new URL(req.url).searchParams.get("purpose"));
    await checkUploadAllowed(user, taskId, declared);
    if (Number(req.headers.get("content-length") ?? 0) > LIMIT) throw new AppError("FILE_TOO_LARGE");
    const form = await readUploadForm(req, LIMIT);
    const view = await saveAttachment(user, {
      taskId,
      purpose: declared ?? purposeOf(form.purpose) ?? "progress",
      file: form.file,
    });
    await markRecentWrite();
    return NextResponse.json(view, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
