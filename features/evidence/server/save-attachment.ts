import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { auditActor } from "@/features/tasks/server/audit-actor";
import { loadTaskForAction } from "@/features/tasks/server/load-task";
import type { TTaskActor } from "@/features/tasks/lib/task-permissions";
import { MAX_FILE_BYTES, classifyFile, cleanFileName } from "../lib/file-kind";
import { evidenceFileName } from "../lib/file-name";
import { ATTACHMENT_VIEW_SELECT, toAttachmentView, type TAttachmentView } from "./attachment-view";
import { saveFile, saveThumbnail } from "./storage";
import { checkUploadQuota } from "./upload-quota";

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
  if (file.bytes.length > MAX_FILE_BYTES) throw new AppError("FILE_TOO_LARGE");
  if (file.bytes.length === 0) throw new AppError("FILE_TYPE");
  await checkUploadQuota(db, actor.id, { incomingBytes: file.bytes.length });
  // A legacy Office file's type comes from its name's extension (the content cannot tell).
  const type = classifyFile(await fileTypeFromBuffer(file.bytes), cleanFileName(file.name));
  if (!type) throw new AppError("FILE_TYPE");
  const fileName = evidenceFileName(file.name, type.mime);
  const stored = await saveFile(file.bytes);
  const hasThumbnail = type.kind === "IMAGE" ? await saveThumbnail(stored.storageKey, file.bytes) : false;
  const row = await db.attachment.create({
    data: {
      taskId,
      uploaderId: actor.id,
      fileName,
      mime: type.mime,
      kind: type.kind,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      hasThumbnail,
    },
    select: ATTACHMENT_VIEW_SELECT,
  });
  await recordAudit({
    action: "evidence.upload",
    actor: auditActor(actor),
    target: { type: "attachment", id: row.id },
    detail: { taskId, purpose, kind: type.kind, size: stored.size, sha256: stored.sha256 },
  });
  return toAttachmentView(row);
}
