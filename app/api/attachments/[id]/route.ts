import { Readable } from "node:stream";
import { findAttachmentForUser } from "@/features/evidence/server/find-attachment";
import { openFile } from "@/features/evidence/server/storage";
import { getSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse, idParam } from "@/lib/http";

// Evidence download (streamed), only for users whose subtree holds the task. `?thumb=1` gives the thumbnail.
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await getSession();
    if (!user) throw new AppError("UNAUTHENTICATED");
    const id = idParam((await ctx.params).id);
    const att = id ? await findAttachmentForUser(user, id) : null;
    if (!att) throw new AppError("NOT_FOUND");
    const thumb = new URL(req.url).searchParams.get("thumb") === "1";
    if (thumb && !att.hasThumbnail) throw new AppError("NOT_FOUND");
    const file = openFile(att.storageKey, thumb);
    if (!file) throw new AppError("NOT_FOUND");
    const inline = thumb || att.kind === "IMAGE" || att.kind === "PDF";
    const encoded = encodeURIComponent(att.fileName);
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        "Content-Type": thumb ? "image/webp" : att.mime,
        "Content-Length": String(file.size),
        "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${encoded}"; filename*=UTF-8''${encoded}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=3600",
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
