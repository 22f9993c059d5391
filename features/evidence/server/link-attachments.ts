import "server-only";
import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Attaches uploaded files to a progress update or completion report, inside the caller's
 * transaction. Only the uploader's own, not yet linked files of the same task qualify:
 * anything else is refused as a whole, so nobody can claim another person's evidence.
 */
export async function linkAttachments(
  tx: TTx,
  a: {
    taskId: number;
    uploaderId: number;
    ids: readonly number[];
    target: { progressUpdateId: number } | { reportId: number };
  },
): Promise<void> {
  const ids = [...new Set(a.ids)];
  if (ids.length === 0) return;
  const res = await tx.attachment.updateMany({
    where: {
      id: { in: ids },
      taskId: a.taskId,
      uploaderId: a.uploaderId,
      progressUpdateId: null,
      reportId: null,
    },
    data: a.target,
  });
  if (res.count !== ids.length) throw new AppError("VALIDATION", { attachmentIds: "attachments" });
}
