import type { TTx } from "@/lib/db/client";
import type { TTaskRollupSnap } from "./apply-delta";

type TRow = TTaskRollupSnap & { id: number; version: number; parentTaskId: number | null };

/** The task's roll-up fields, with its row locked until the transaction ends. */
export async function lockTaskSnapshot(tx: TTx, taskId: number): Promise<TRow | null> {
  const rows = await tx.$queryRaw<TRow[]>`
    SELECT id, version, status::text AS status, progress, "dueDate", "completedAt", "objectiveId", "mainTaskId", "orgPath", "parentTaskId"
    FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
  return rows[0] ?? null;
}

export const SNAPSHOT_SELECT = {
  status: true,
  progress: true,
  dueDate: true,
  completedAt: true,
  objectiveId: true,
  mainTaskId: true,
  orgPath: true,
} as const;

/**
 * Locks the tasks this one was passed down from (分解), oldest first, before the task itself:
 * a child's change also rewrites its parents' progress, so every writer takes task rows in
 * the order parent → child and only then roll-up rows.
 */
export async function lockParentChain(tx: TTx, taskId: number): Promise<void> {
  await tx.$queryRaw`
    WITH RECURSIVE up(id) AS (
      SELECT "parentTaskId" FROM "Task" WHERE id = ${taskId} AND "parentTaskId" IS NOT NULL
      UNION ALL
      SELECT t."parentTaskId" FROM "Task" t JOIN up ON t.id = up.id WHERE t."parentTaskId" IS NOT NULL)
    SELECT id FROM "Task" WHERE id IN (SELECT id FROM up) ORDER BY id FOR UPDATE`;
}
