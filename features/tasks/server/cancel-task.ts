import "server-only";
import { getDb, type TTx } from "@/lib/db/client";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import type { TLoadedTask } from "./load-task";
import { loadTaskForAction } from "./load-task";
import type { TTaskRef } from "./sign-task";
import { applyTaskChange, applyTaskChangeIn } from "./write/apply-change";
import type { TTaskChange } from "./write/change";

/**
 * The change that cancels a loaded task (the one rule of 撤销, also used by the tree changes).
 * A task passed down with open children is refused: they would vanish from every figure while
 * still being worked. A pending 延期申请 asked about a task that no longer exists: it closes with
 * it, or it would wait in the reviewer's queue for ever. A request made after this read changes
 * the version and fails the change.
 */
export async function cancelChange(
  db: Pick<TTx, "extensionRequest">,
  a: { task: TLoadedTask; actorId: number; reason: string; now: Date },
): Promise<TTaskChange> {
  const to = nextStatus(a.task.status, "cancel");
  const pendingExt = await db.extensionRequest.findFirst({
    where: { taskId: a.task.id, status: "PENDING" },
    select: { id: true },
  });
  return {
    task: a.task,
    actorId: a.actorId,
    now: a.now,
    to,
    fields: { lastReason: a.reason },
    guards: [
      { kind: "noOpenChildren" },
      ...(pendingExt ? [{ kind: "pendingExtension" as const, extensionId: pendingExt.id }] : []),
    ],
    event: { type: "CANCELLED", message: a.reason },
    ...(pendingExt
      ? {
          records: [
            { kind: "extensionDecision" as const, extensionId: pendingExt.id, approve: false, note: null },
          ],
        }
      : {}),
  };
}

/** 撤销: the assigner withdraws a task that is not yet submitted. The row is kept. */
export async function cancelTask(actor: TTaskActor, ref: TTaskRef & { reason: string }, now = new Date()) {
  const task = await loadTaskForAction(getDb(), actor, {
    taskId: ref.taskId,
    action: "cancel",
    version: ref.version,
  });
  const change = await cancelChange(getDb(), { task, actorId: actor.id, reason: ref.reason, now });
  await applyTaskChange(getDb(), change);
  return { status: change.to! };
}

/** Cancels a loaded task inside the caller's transaction (the tree changes). */
export async function cancelLoadedTaskIn(
  tx: TTx,
  a: { task: TLoadedTask; actorId: number; reason: string; now: Date },
): Promise<void> {
  await applyTaskChangeIn(tx, await cancelChange(tx, a));
}

/**
 * 撤销 of one task by id inside the caller's transaction, for changes that cancel several tasks at
 * once (retiring a measure): the same gate and the same change as `cancelTask`. Cancel children
 * before parents.
 */
export async function cancelTaskIn(
  tx: TTx,
  actor: TTaskActor,
  ref: { taskId: number; version?: number; reason: string; now?: Date },
) {
  const task = await loadTaskForAction(tx, actor, {
    taskId: ref.taskId,
    action: "cancel",
    version: ref.version,
  });
  await cancelLoadedTaskIn(tx, { task, actorId: actor.id, reason: ref.reason, now: ref.now ?? new Date() });
}
