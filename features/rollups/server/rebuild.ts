import type { TDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ON_TIME } from "./recompute";

// No "server-only": the benchmark and repair scripts call this.

/**
 * Rebuilds the roll-ups from the task rows, set-based, in one transaction: for bulk loads
 * and repairs. Writers wait for it (the tables are locked), and the watermark is `today`. Rows are
 * written in key order, so that one org's rows share pages (a county view reads ~2,000 rows).
 */
export async function rebuildRollups(db: TDb, today: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE "Rollup", "RollupDue" IN EXCLUSIVE MODE`;
    await tx.$executeRaw`DELETE FROM "RollupDue"`;
    await tx.$executeRaw`DELETE FROM "Rollup"`;
    await tx.$executeRaw`
      INSERT INTO "Rollup" ("orgId", "objectiveId", "mainTaskId", "pendingSign", "handedBack", "inProgress", "submitted", "completed", "completedOnTime", "progressSum", "overdueAsOf", "openDueBefore")
      SELECT a.org, t."objectiveId", min(t."mainTaskId"),
        count(*) FILTER (WHERE t.status = 'PENDING_SIGN'), count(*) FILTER (WHERE t.status = 'HANDED_BACK'),
        count(*) FILTER (WHERE t.status = 'IN_PROGRESS'), count(*) FILTER (WHERE t.status = 'SUBMITTED'),
        count(*) FILTER (WHERE t.status = 'COMPLETED'),
        count(*) FILTER (WHERE t.status = 'COMPLETED' AND ${Prisma.raw(ON_TIME)}),
        COALESCE(sum(CASE WHEN t.status = 'COMPLETED' THEN 100 WHEN t.status = 'CANCELLED' THEN 0 ELSE t.progress END), 0),
        ${today}::date,
        count(*) FILTER (WHERE t.status IN ('PENDING_SIGN', 'HANDED_BACK', 'IN_PROGRESS', 'SUBMITTED') AND t."dueDate" < ${today}::date)
      FROM "Task" t CROSS JOIN LATERAL unnest(t."orgPath"[2:]) AS a(org)
      GROUP BY a.org, t."objectiveId"
      HAVING count(*) FILTER (WHERE t.status <> 'CANCELLED') > 0
      ORDER BY a.org, t."objectiveId"`;
    await tx.$executeRaw`
      INSERT INTO "RollupDue" ("orgId", "objectiveId", "dueDate", "open")
      SELECT a.org, t."objectiveId", t."dueDate", count(*)
      FROM "Task" t CROSS JOIN LATERAL unnest(t."orgPath"[2:]) AS a(org)
      WHERE t.status IN ('PENDING_SIGN', 'HANDED_BACK', 'IN_PROGRESS', 'SUBMITTED')
      GROUP BY a.org, t."objectiveId", t."dueDate"
      ORDER BY a.org, t."objectiveId", t."dueDate"`;
  }, { timeout: 3_600_000, maxWait: 60_000 });
}
