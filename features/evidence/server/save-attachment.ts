import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { auditActor } from "@/features/tasks/server/audit-actor";
import { loadTaskForAction } from "@/features/tasks/server/load-task";
import type { TTaskActor } from "@/features/tasks/lib/task-permissions";
import { ATTACHMENT_VIEW_SELECT, toAttachmentView, type TAttachmentView } from "./attachment-view";
import { storeUpload } from "./store-upload";

export type TPurpose = "progress" | "report";

/**
 * Stores one evidence file for a task. The uploader must be allowed to log progress
 * (purpose "progress") or to submit completion ("report") on the task right now, and have room
 * left in the hour's upload quota. The upload is audited (evidence.upload).
 */
export async function saveAttachment(
  actor: TTaskActor,
  { taskId, purpose, file }: { taskId: number; purpose: TPurpose; file: { name: string; bytes: Buffer } },
): Promise<TAttachmentView> {
  const db = getDb();
  await loadTaskForAction(db, actor, { taskId, action: purpose === "progress" ? "logProgress" : "submit" });
  const stored = await storeUpload(db, actor.id, file);
  const row = await db.attachment.create({
    data: {
      taskId,
      uploaderId: actor.id,
      ...stored,
    },
    select: ATTACHMENT_VIEW_SELECT,
  });
  await recordAudit({
    action: "evidence.upload",
    actor: auditActor(actor),
    target: { type: "attachment", id: row.id },
    detail: { taskId, purpose, kind: stored.kind, size: stored.size, sha256: stored.sha256 },
  });
  return toAttachmentView(row);
}
