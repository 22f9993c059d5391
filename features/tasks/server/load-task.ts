import "server-only";
import type { TTx } from "@/lib/db/client";
import { taskInScopeSql } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { canApply, type TTaskAction, type TTaskStatus } from "../lib/state-machine";
import { mayAct, type TTaskActor, type TTaskRelations } from "../lib/task-permissions";
import type { TChainLink } from "./write/derive-chain";

// Everything a mutation needs to check and apply a change, read with one statement (the
// task, its objective, both orgs and the helpers): this runs at the start of every mutation.
export type TLoadedTask = {
  id: number;
  version: number;
  status: TTaskStatus;
  kind: "ASSIGNED" | "CLAIMED";
  orgId: number;
  orgPath: number[];
  reviewOrgId: number;
  objectiveId: number;
  mainTaskId: number;
  parentTaskId: number | null;
  countFrom: number;
  /** The tasks it was passed down from, parent first (分解; empty when it was not). */
  chain: TChainLink[];
  /** It was passed down further and derives its progress from its (not cancelled) children. */
  hasChildren: boolean;
  /** It has tasks passed down from it, cancelled ones included (the task page lists them all). */
  anyChildren: boolean;
  actualValue: number | null;
  dueDate: Date;
  completedAt: Date | null;
  progress: number;
  progressState: "NORMAL" | "LAGGING" | "AT_RISK";
  responsibleId: number | null;
  objective: { code: string; title: string };
  org: { name: string };
  reviewOrg: { ancestorIds: number[]; name: string };
  helpers: { userId: number }[];
};

type TRow = Omit<TLoadedTask, "objective" | "org" | "reviewOrg" | "helpers" | "chain"> & {
  objectiveCode: string;
  objectiveTitle: string;
  orgName: string;
  reviewOrgPath: number[];
  reviewOrgName: string;
  helperIds: number[];
};

/** The tasks above a task passed down, parent first (a chain never changes once made). */
async function loadChain(tx: TTx, parentTaskId: number): Promise<TChainLink[]> {
  return tx.$queryRaw<TChainLink[]>`
    WITH RECURSIVE up AS (
      SELECT p.id, p."orgPath", p."countFrom", p."parentTaskId", 1 AS lvl FROM "Task" p WHERE p.id = ${parentTaskId}
      UNION ALL
      SELECT p.id, p."orgPath", p."countFrom", p."parentTaskId", up.lvl + 1 FROM "Task" p JOIN up ON p.id = up."parentTaskId")
    SELECT id, "orgPath", "countFrom" FROM up ORDER BY lvl`;
}

type TScopedTask = Omit<TLoadedTask, "chain">;

async function findScopedTask(
  tx: TTx,
  actor: { orgId: number },
  taskId: number,
): Promise<TScopedTask | null> {
  // The scope is part of the query: a task outside the actor's subtree is simply not found.
  const rows = await tx.$queryRaw<TRow[]>`
    SELECT t.id, t.version, t.status::text AS status, t.kind::text AS kind, t."orgId", t."orgPath", t."reviewOrgId", t."objectiveId", t."mainTaskId",
      t."parentTaskId", t."countFrom", t."dueDate", t."completedAt", t.progress, t."progressState"::text AS "progressState", t."responsibleId",
      ob.code AS "objectiveCode", ob.title AS "objectiveTitle", o.name AS "orgName", ro."ancestorIds" AS "reviewOrgPath", ro.name AS "reviewOrgName",
      ARRAY(SELECT h."userId" FROM "TaskHelper" h WHERE h."taskId" = t.id ORDER BY h."userId") AS "helperIds",
      t."actualValue"::float8 AS "actualValue",
      EXISTS (SELECT 1 FROM "Task" c WHERE c."parentTaskId" = t.id AND c.status <> 'CANCELLED') AS "hasChildren",
      EXISTS (SELECT 1 FROM "Task" c WHERE c."parentTaskId" = t.id) AS "anyChildren"
    FROM "Task" t
    JOIN "Objective" ob ON ob.id = t."objectiveId"
    JOIN "Org" o ON o.id = t."orgId"
    JOIN "Org" ro ON ro.id = t."reviewOrgId"
    WHERE t.id = ${taskId} AND ${taskInScopeSql("t", actor.orgId)}`;
  const r = rows[0];
  if (!r) return null;
  const { objectiveCode, objectiveTitle, orgName, reviewOrgPath, reviewOrgName, helperIds, ...task } = r;
  return {
    ...task,
    objective: { code: objectiveCode, title: objectiveTitle },
    org: { name: orgName },
    reviewOrg: { ancestorIds: reviewOrgPath, name: reviewOrgName },
    helpers: helperIds.map((userId) => ({ userId })),
  };
}

export function toRelations(task: TScopedTask): TTaskRelations {
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
export async function loadTaskForAction(
  tx: TTx,
  actor: TTaskActor,
  q: { taskId: number; action: TTaskAction; version?: number },
): Promise<TLoadedTask> {
  const { taskId, action } = q;
  const task = await findScopedTask(tx, actor, taskId);
  if (!task) throw new AppError("NOT_FOUND");
  if (!mayAct(actor, toRelations(task), action)) throw new AppError("FORBIDDEN");
  if (q.version !== undefined && q.version !== task.version) throw new AppError("CONFLICT");
  if (!canApply(task.status, action)) throw new AppError("INVALID_TRANSITION");
  return { ...task, chain: task.parentTaskId === null ? [] : await loadChain(tx, task.parentTaskId) };
}

/**
 * Loads a task for a tree change (move, merge, close of its holder) made by a manager of the
 * holder's subtree: the same scope, version and state checks, but the authority is org:manage over
 * the holder (checked by the caller), not the relation to the task.
 */
export async function loadTaskForOrgChange(
  tx: TTx,
  orgActor: { orgId: number },
  q: { taskId: number; action: TTaskAction },
): Promise<TLoadedTask> {
  const task = await findScopedTask(tx, orgActor, q.taskId);
  if (!task) throw new AppError("NOT_FOUND");
  if (!canApply(task.status, q.action)) throw new AppError("INVALID_TRANSITION");
  return { ...task, chain: task.parentTaskId === null ? [] : await loadChain(tx, task.parentTaskId) };
}

/** A task the actor may read, or NOT_FOUND. */
export async function loadTaskForRead(tx: TTx, actor: TTaskActor, taskId: number): Promise<TScopedTask> {
  const task = await findScopedTask(tx, actor, taskId);
  if (!task) throw new AppError("NOT_FOUND");
  return task;
}
