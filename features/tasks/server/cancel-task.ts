import "server-only";
import { getDb } from "@/lib/db/client";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import { loadTaskForAction } from "./load-task";
import type { TTaskRef } from "./sign-task";
import { applyTaskChange } from "./write/apply-change";

/**
 * 撤销: the assigner withdraws a task that is not yet submitted. The row is kept. A task passed
 * down with open children is refused: they would vanish from every figure while still being worked.
 */
export async function cancelTask(actor: TTaskActor, ref: TTaskRef & { reason: string }, now = new Date()) {
  const task = await loadTaskForAction(getDb(), actor, {
    taskId: ref.taskId,
    action: "cancel",
    version: ref.version,
  });
  const to = nextStatus(task.status, "cancel");
  // A pending 延期申请 asked about a task that no longer exists: it closes with it, or it would wait
  // in the reviewer's queue for ever. A request made after this read changes the version and fails the change.
  const pendingExt = await getDb().extensionRequest.findFirst({
    where: { taskId: task.id, status: "PENDING" },
    select: { id: true },
  });
  await applyTaskChange(getDb(), {
    task,
    actorId: actor.id,
    now,
    to,
    fields: { lastReason: ref.reason },
    guards: [
      { kind: "noOpenChildren" },
      ...(pendingExt ? [{ kind: "pendingExtension" as const, extensionId: pendingExt.id }] : []),
    ],
    event: { type: "CANCELLED", message: ref.reason },
    ...(pendingExt
      ? {
          records: [
            { kind: "extensionDecision" as const, extensionId: pendingExt.id, approve: false, note: null },
          ],
        }
      : {}),
  });
  return { status: to };
}
