import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { difference, dueChanges, isOpen, isZero, type TTaskSnap } from "../lib/contribution";
import { ROLLUP_ORGS_OF_T, rollupOrgsOfPath } from "./figures";

// No "server-only": benchmark and test scripts call this too.
export type TTaskRollupSnap = TTaskSnap & { objectiveId: number; mainTaskId: number; orgPath: number[] };

/**
 * The roll-up change of one task (before → after; null = did not exist) as CTEs `roll` and `due`
 * for a statement that has a CTE `cur`: they run only when `cur` has a row (e.g. the task row,
 * locked and still at the version the caller checked). Rows are locked in ascending org id
 * (ancestors have smaller ids), the order every writer uses, so writers never deadlock; the
 * Rollup row of (org, measure) guards that pair's RollupDue rows. `progressDelta` replaces the
 * progressSum difference when the statement reads the progress from the locked row.
 * Null when nothing moves.
 */
export function rollupDeltaCtes(
  t: Omit<TTaskRollupSnap, keyof TTaskSnap>,
  before: TTaskSnap | null,
  after: TTaskSnap | null,
  progressDelta?: Prisma.Sql,
): Prisma.Sql | null {
  const d = difference(before, after);
  const moves = dueChanges(before, after);
  if (isZero(d) && moves.length === 0 && !progressDelta) return null;
  const openB = before && isOpen(before.status) ? 1 : 0;
  const openA = after && isOpen(after.status) ? 1 : 0;
  const dueB = before?.dueDate ?? after!.dueDate;
  const dueA = after?.dueDate ?? before!.dueDate;
  const roll = Prisma.sql`roll AS (
    INSERT INTO "Rollup" AS r ("orgId", "objectiveId", "mainTaskId", "pendingSign", "handedBack", "inProgress", "submitted", "completed", "completedOnTime", "progressSum")
    SELECT g.o, ${t.objectiveId}, ${t.mainTaskId}, ${d.pendingSign}, ${d.handedBack}, ${d.inProgress}, ${d.submitted}, ${d.completed}, ${d.completedOnTime}, ${progressDelta ?? d.progressSum}
    FROM cur, (${rollupOrgsOfPath(t.orgPath)}) AS g(o) ORDER BY g.o
    ON CONFLICT ("orgId", "objectiveId") DO UPDATE SET
      "pendingSign" = r."pendingSign" + EXCLUDED."pendingSign",
      "handedBack" = r."handedBack" + EXCLUDED."handedBack",
      "inProgress" = r."inProgress" + EXCLUDED."inProgress",
      "submitted" = r."submitted" + EXCLUDED."submitted",
      "completed" = r."completed" + EXCLUDED."completed",
      "completedOnTime" = r."completedOnTime" + EXCLUDED."completedOnTime",
      "progressSum" = r."progressSum" + EXCLUDED."progressSum",
      "openDueBefore" = r."openDueBefore"
        + (CASE WHEN ${dueA}::date < r."overdueAsOf" THEN ${openA}::int ELSE 0 END)
        - (CASE WHEN ${dueB}::date < r."overdueAsOf" THEN ${openB}::int ELSE 0 END)
    RETURNING r."orgId")`;
  if (moves.length === 0) return roll;
  const values = Prisma.join(moves.map(([due, n]) => Prisma.sql`(${due}::date, ${n}::int)`));
  return Prisma.sql`${roll},
  due AS (
    INSERT INTO "RollupDue" AS d ("orgId", "objectiveId", "dueDate", "open")
    SELECT roll."orgId", ${t.objectiveId}, m.due, m.n FROM roll, (VALUES ${values}) AS m(due, n) ORDER BY 1, 3
    ON CONFLICT ("orgId", "objectiveId", "dueDate") DO UPDATE SET "open" = d."open" + EXCLUDED."open")`;
}

/** Applies one task's change to the roll-ups of every federation on its path, in the caller's transaction. */
export async function applyTaskDelta(
  tx: TTx,
  before: TTaskRollupSnap | null,
  after: TTaskRollupSnap | null,
): Promise<void> {
  const ctes = rollupDeltaCtes((after ?? before)!, before, after);
  if (ctes) await tx.$executeRaw`WITH cur AS (SELECT 1), ${ctes} SELECT 1`;
}

/** Adds a whole 下达 batch (new PENDING_SIGN tasks, one due date) to the roll-ups with two set-based statements. */
export async function applyBatch(tx: TTx, batchId: number, dueDate: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Rollup" AS r ("orgId", "objectiveId", "mainTaskId", "pendingSign", "openDueBefore")
    SELECT a.org, t."objectiveId", t."mainTaskId", count(*)::int, 0
    FROM "Task" t ${ROLLUP_ORGS_OF_T}
    WHERE t."batchId" = ${batchId}
    GROUP BY a.org, t."objectiveId", t."mainTaskId"
    ORDER BY a.org, t."objectiveId"
    ON CONFLICT ("orgId", "objectiveId") DO UPDATE SET
      "pendingSign" = r."pendingSign" + EXCLUDED."pendingSign",
      "openDueBefore" = r."openDueBefore" + (CASE WHEN ${dueDate}::date < r."overdueAsOf" THEN EXCLUDED."pendingSign" ELSE 0 END)`;
  await tx.$executeRaw`
    INSERT INTO "RollupDue" AS d ("orgId", "objectiveId", "dueDate", "open")
    SELECT a.org, t."objectiveId", t."dueDate", count(*)::int
    FROM "Task" t ${ROLLUP_ORGS_OF_T}
    WHERE t."batchId" = ${batchId}
    GROUP BY a.org, t."objectiveId", t."dueDate"
    ORDER BY a.org, t."objectiveId", t."dueDate"
    ON CONFLICT ("orgId", "objectiveId", "dueDate") DO UPDATE SET "open" = d."open" + EXCLUDED."open"`;
}
