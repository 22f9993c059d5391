import { NextResponse } from "next/server";
import { MAX_FILE_BYTES } from "@/features/evidence/lib/file-kind";
import { saveAttachment } from "@/features/evidence/server/save-attachment";
import { getSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse, idParam } from "@/lib/http";

// One evidence file per request (multipart: file, purpose = progress | report).
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await getSession();
    if (!user) throw new AppError("UNAUTHENTICATED");
    const taskId = idParam((await ctx.params).id);
    if (!taskId) throw new AppError("NOT_FOUND");
    // Refuse oversized bodies before reading them (multipart overhead allowed).
    if (Number(req.headers.get("content-length") ?? 0) > MAX_FILE_BYTES + 64 * 1024)
      throw new AppError("FILE_TOO_LARGE");
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    const purpose = form?.get("purpose") === "report" ? "report" : "progress";
    if (!(file instanceof File)) throw new AppError("VALIDATION");
    if (file.size > MAX_FILE_BYTES) throw new AppError("FILE_TOO_LARGE");
    const view = await saveAttachment(user, {
      taskId,
      purpose,
      file: { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) },
    });
    return NextResponse.json(view, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
