import "server-only";
import { cancelLoadedTaskIn } from "@/features/tasks/server/cancel-task";
import { loadTaskForOrgChange } from "@/features/tasks/server/load-task";
import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { OPEN_STATUSES } from "@/lib/task-status";

export type TOpenTask = { id: number; status: string; objectiveId: number };

/** The open tasks an org holds (the ones a change must place), by id. */
export async function openTasksOf(tx: Pick<TTx, "task">, orgId: number): Promise<TOpenTask[]> {
  return tx.task.findMany({
    where: { orgId, status: { in: [...OPEN_STATUSES] } },
    select: { id: true, status: true, objectiveId: true },
    orderBy: { id: "asc" },
  });
}

/**
 * Cancels tasks through the one cancel rule (cancel-task.ts), each through the gate of load-task.ts
 * (scope of the actor, state). A task awaiting review (待审核) cannot be cancelled: the change is
 * refused with ORG_TASKS_SUBMITTED before anything is written, so the reviewer decides first.
 */
export async function cancelOrgTasks(
  tx: TTx,
  a: { actor: { id: number; orgId: number }; tasks: TOpenTask[]; reason: string; now: Date },
): Promise<void> {
  if (a.tasks.some((t) => t.status === "SUBMITTED")) throw new AppError("ORG_TASKS_SUBMITTED");
  for (const t of a.tasks) {
    const task = await loadTaskForOrgChange(tx, a.actor, { taskId: t.id, action: "cancel" });
    await cancelLoadedTaskIn(tx, { task, actorId: a.actor.id, reason: a.reason, now: a.now });
  }
}

/** The open tasks that cannot go to `successorId` because it already holds a task for the same measure. */
export async function collisions(tx: Pick<TTx, "task">, tasks: TOpenTask[], successorId: number) {
  if (tasks.length === 0) return [];
  const held = await tx.task.findMany({
    where: { orgId: successorId, objectiveId: { in: tasks.map((t) => t.objectiveId) } },
    select: { objectiveId: true },
  });
  const taken = new Set(held.map((h) => h.objectiveId));
  return tasks.filter((t) => taken.has(t.objectiveId));
}

/**
 * Places the open tasks of a union that closes (merge or 撤销): "transfer" sends them to the
 * successor, except those for a measure the successor already holds ((objectiveId, orgId) is
 * unique), which are cancelled with `collisionReason`; "cancel" cancels them all with `reason`.
 * Returns the tasks to transfer (the caller relocates them).
 */
export async function placeOpenTasks(
  tx: TTx,
  a: {
    actor: { id: number; orgId: number };
    tasks: TOpenTask[];
    choice: "transfer" | "cancel";
    successorId: number | null;
    reason: string;
    collisionReason: string;
    now: Date;
  },
): Promise<{ transfer: number[]; cancelled: number[] }> {
  if (a.choice === "cancel" || a.successorId === null) {
    await cancelOrgTasks(tx, { actor: a.actor, tasks: a.tasks, reason: a.reason, now: a.now });
    return { transfer: [], cancelled: a.tasks.map((t) => t.id) };
  }
  const clash = await collisions(tx, a.tasks, a.successorId);
  await cancelOrgTasks(tx, { actor: a.actor, tasks: clash, reason: a.collisionReason, now: a.now });
  const clashIds = new Set(clash.map((t) => t.id));
  return { transfer: a.tasks.filter((t) => !clashIds.has(t.id)).map((t) => t.id), cancelled: [...clashIds] };
}

/**
 * Locks every task held inside the org's subtree and the tasks above them in their chains, in
 * ascending id (parents are older than their children): the order of every task writer (chain
 * first, then the task), so a tree change and a concurrent task change never deadlock.
 */
export async function lockOrgTasks(tx: TTx, orgId: number): Promise<void> {
  await tx.$queryRaw`
    WITH RECURSIVE up AS (
      SELECT t.id, t."parentTaskId" FROM "Task" t WHERE t."orgPath" @> ARRAY[${orgId}::int]
      UNION
      SELECT p.id, p."parentTaskId" FROM "Task" p JOIN up ON p.id = up."parentTaskId")
    SELECT t.id FROM "Task" t WHERE t.id IN (SELECT id FROM up) ORDER BY t.id FOR UPDATE`;
}
