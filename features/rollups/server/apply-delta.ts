import type { TTx } from "@/lib/db/client";
import { difference, dueChanges, isOpen, isZero, rollupOrgs, type TTaskSnap } from "../lib/contribution";

// No "server-only": benchmark and test scripts call this too.
export type TTaskRollupSnap = TTaskSnap & { objectiveId: number; mainTaskId: number; orgPath: number[] };

/**
 * Applies one task's change (before → after; null = did not exist) to the roll-ups of every
 * org on its path, in the caller's transaction. Rows are locked in ascending org id order
 * (ancestors have smaller ids), the same order the bulk path uses, so writers never deadlock;
 * the Rollup row of (org, measure) also guards that pair's RollupDue rows.
 */
export async function applyTaskDelta(tx: TTx, before: TTaskRollupSnap | null, after: TTaskRollupSnap | null): Promise<void> {
  const t = (after ?? before)!;
  const d = difference(before, after);
  const moves = dueChanges(before, after);
  if (isZero(d) && moves.length === 0) return;
  const orgs = rollupOrgs(t.orgPath);
  const openB = before && isOpen(before.status) ? 1 : 0;
  const openA = after && isOpen(after.status) ? 1 : 0;
  const dueB = before?.dueDate ?? t.dueDate;
  const dueA = after?.dueDate ?? t.dueDate;
  await tx.$executeRaw`
    INSERT INTO "Rollup" AS r ("orgId", "objectiveId", "mainTaskId", "pendingSign", "handedBack", "inProgress", "submitted", "completed", "completedOnTime", "progressSum")
    SELECT o, ${t.objectiveId}, ${t.mainTaskId}, ${d.pendingSign}, ${d.handedBack}, ${d.inProgress}, ${d.submitted}, ${d.completed}, ${d.completedOnTime}, ${d.progressSum}
    FROM unnest(${orgs}::int[]) AS o
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
        - (CASE WHEN ${dueB}::date < r."overdueAsOf" THEN ${openB}::int ELSE 0 END)`;
  for (const [due, n] of moves) {
    await tx.$executeRaw`
      INSERT INTO "RollupDue" AS d ("orgId", "objectiveId", "dueDate", "open")
      SELECT o, ${t.objectiveId}, ${due}::date, ${n}::int FROM unnest(${orgs}::int[]) AS o
      ON CONFLICT ("orgId", "objectiveId", "dueDate") DO UPDATE SET "open" = d."open" + EXCLUDED."open"`;
  }
}

/** Adds a whole 下达 batch (new PENDING_SIGN tasks, one due date) to the roll-ups with two set-based statements. */
export async function applyBatch(tx: TTx, batchId: number, dueDate: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Rollup" AS r ("orgId", "objectiveId", "mainTaskId", "pendingSign", "openDueBefore")
    SELECT a.org, t."objectiveId", t."mainTaskId", count(*)::int, 0
    FROM "Task" t CROSS JOIN LATERAL unnest(t."orgPath"[2:]) AS a(org)
    WHERE t."batchId" = ${batchId}
    GROUP BY a.org, t."objectiveId", t."mainTaskId"
    ORDER BY a.org, t."objectiveId"
    ON CONFLICT ("orgId", "objectiveId") DO UPDATE SET
      "pendingSign" = r."pendingSign" + EXCLUDED."pendingSign",
      "openDueBefore" = r."openDueBefore" + (CASE WHEN ${dueDate}::date < r."overdueAsOf" THEN EXCLUDED."pendingSign" ELSE 0 END)`;
  await tx.$executeRaw`
    INSERT INTO "RollupDue" AS d ("orgId", "objectiveId", "dueDate", "open")
    SELECT a.org, t."objectiveId", t."dueDate", count(*)::int
    FROM "Task" t CROSS JOIN LATERAL unnest(t."orgPath"[2:]) AS a(org)
    WHERE t."batchId" = ${batchId}
    GROUP BY a.org, t."objectiveId", t."dueDate"
    ORDER BY a.org, t."objectiveId", t."dueDate"
    ON CONFLICT ("orgId", "objectiveId", "dueDate") DO UPDATE SET "open" = d."open" + EXCLUDED."open"`;
}
