import { Readable } from "node:stream";
import { evidenceFileName, extensionFor } from "@/features/evidence/lib/file-name";
import { findAttachmentForUser } from "@/features/evidence/server/find-attachment";
import { openFile } from "@/features/evidence/server/storage";
import { recordAudit } from "@/lib/audit/record";
import { getSession } from "@/lib/auth/session";
import { contentDisposition } from "@/lib/content-disposition";
import { AppError } from "@/lib/errors";
import { errorResponse, idParam } from "@/lib/http";

// Evidence download (streamed), only for users whose subtree holds the task. `?thumb=1` gives the thumbnail.
// Only images and PDF open in the browser; everything else is an attachment. The name is made safe
// again here (rows stored before the rule existed) and sent per RFC 6266 with a plain-ASCII fallback.
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
    const name = evidenceFileName(att.fileName, att.mime);
    // Thumbnails are previews inside the app's pages; the trail records the file itself.
    if (!thumb)
      await recordAudit({
        action: "evidence.download",
        actor: { id: user.id, username: user.username },
        target: { type: "attachment", id: att.id },
        detail: { taskId: att.taskId, kind: att.kind },
      }).catch((e: unknown) => {
        file.stream.destroy();
        throw e;
      });
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        "Content-Type": thumb ? "image/webp" : att.mime,
        "Content-Length": String(file.size),
        "Content-Disposition": contentDisposition(
          name,
          `evidence-${att.id}.${thumb ? "webp" : extensionFor(att.mime)}`,
          inline ? "inline" : "attachment",
        ),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, max-age=3600",
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
