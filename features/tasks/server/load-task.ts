import "server-only";
import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canApply, type TTaskAction } from "../lib/state-machine";
import { mayAct, type TTaskActor, type TTaskRelations } from "../lib/task-permissions";

// Everything a mutation needs to check and apply a change.
const TASK_FOR_ACTION = {
  id: true,
  version: true,
  status: true,
  kind: true,
  orgId: true,
  orgPath: true,
  reviewOrgId: true,
  objectiveId: true,
  parentTaskId: true,
  dueDate: true,
  progress: true,
  responsibleId: true,
  objective: { select: { code: true, title: true } },
  org: { select: { name: true } },
  reviewOrg: { select: { ancestorIds: true, name: true } },
  helpers: { select: { userId: true } },
} as const;

export type TLoadedTask = NonNullable<Awaited<ReturnType<typeof findScopedTask>>>;

function findScopedTask(tx: TTx, actor: TTaskActor, taskId: number) {
  // The scope is part of the query: a task outside the actor's subtree is simply not found.
  return tx.task.findFirst({ where: { id: taskId, orgPath: { has: actor.orgId } }, select: TASK_FOR_ACTION });
}

export function toRelations(task: TLoadedTask): TTaskRelations {
  return {
    status: task.status,
    orgId: task.orgId,
    reviewOrgPath: task.reviewOrg.ancestorIds,
    responsibleId: task.responsibleId,
    helperIds: task.helpers.map((h) => h.userId),
  };
}

/**
 * Loads a task for `action`: NOT_FOUND outside the actor's scope, FORBIDDEN without the
 * relation/permission, INVALID_TRANSITION in the wrong status, CONFLICT when the caller
 * saw an older version than the current one.
 */
export async function loadTaskForAction(tx: TTx, actor: TTaskActor, taskId: number, action: TTaskAction, seenVersion?: number): Promise<TLoadedTask> {
  const task = await findScopedTask(tx, actor, taskId);
  if (!task) throw new AppError("NOT_FOUND");
  if (!mayAct(actor, toRelations(task), action)) throw new AppError("FORBIDDEN");
  if (seenVersion !== undefined && seenVersion !== task.version) throw new AppError("CONFLICT");
  if (!canApply(task.status, action)) throw new AppError("INVALID_TRANSITION");
  return task;
}

/** A task the actor may read, or NOT_FOUND. */
export async function loadTaskForRead(tx: TTx, actor: TTaskActor, taskId: number): Promise<TLoadedTask> {
  const task = await findScopedTask(tx, actor, taskId);
  if (!task) throw new AppError("NOT_FOUND");
  return task;
}
