import { findAttachmentForUser } from "@/features/evidence/server/find-attachment";
import { openEvidenceDownload } from "@/features/evidence/server/file-response";
import { recordAudit } from "@/lib/audit/record";
import { getSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse, idParam } from "@/lib/http";

// Evidence download (streamed, or a redirect to a presigned URL with S3_DOWNLOAD=redirect), only
// for users whose subtree holds the task. `?thumb=1` gives the thumbnail (always streamed).
// Headers (inline only for images/PDF, RFC 6266 names, nosniff, sandbox CSP):
// features/evidence/server/file-response.ts.
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await getSession();
    if (!user) throw new AppError("UNAUTHENTICATED");
    const id = idParam((await ctx.params).id);
    const att = id ? await findAttachmentForUser(user, id) : null;
    if (!att) throw new AppError("NOT_FOUND");
    const thumb = new URL(req.url).searchParams.get("thumb") === "1";
    if (thumb && !att.hasThumbnail) throw new AppError("NOT_FOUND");
    // Thumbnails are previews inside the app's pages; the trail records the file itself.
    return await openEvidenceDownload({ ...att, fallbackBase: `evidence-${att.id}`, thumb }, async () => {
      if (!thumb)
        await recordAudit({
          action: "evidence.download",
          actor: { id: user.id, username: user.username },
          target: { type: "attachment", id: att.id },
          detail: { taskId: att.taskId, kind: att.kind },
        });
    });
  } catch (e) {
    return errorResponse(e);
  }
}
