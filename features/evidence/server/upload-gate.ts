import "server-only";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { loadTaskForAction } from "@/features/tasks/server/load-task";
import type { TTaskActor } from "@/features/tasks/lib/task-permissions";
import type { TPurpose } from "./save-attachment";
import { checkUploadQuota } from "./upload-quota";

const ACTION = { progress: "logProgress", report: "submit" } as const;

/**
 * Everything an upload can be refused for before a byte of its body is read: the task in the
 * user's scope (else NOT_FOUND), the user's relation, permission and the task's state for the
 * purpose (either purpose when the client did not declare it), and the user's upload quota.
 */
export async function checkUploadAllowed(
  actor: TTaskActor,
  taskId: number,
  purpose?: TPurpose,
): Promise<void> {
  const db = getDb();
  if (purpose) await loadTaskForAction(db, actor, { taskId, action: ACTION[purpose] });
  else
    await loadTaskForAction(db, actor, { taskId, action: ACTION.progress }).catch(async (e: unknown) => {
      // Out of scope stays NOT_FOUND; otherwise the other purpose may still be allowed.
      if (isAppError(e) && e.code === "NOT_FOUND") throw e;
      await loadTaskForAction(db, actor, { taskId, action: ACTION.report });
    });
  await checkUploadQuota(db, actor.id);
}
