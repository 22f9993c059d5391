import type { TDb } from "@/lib/db/client";
import { ROLLUP_ORGS_OF_T } from "@/features/rollups/server/figures";

// No "server-only": the benchmark generator and repair scripts call this.

/**
 * Rebuilds "IndicatorRollup" from "TaskIndicator" and "Task", set-based, in one transaction: for
 * bulk loads and repairs (like features/rollups/server/rebuild.ts). The counting rule is the task
 * figures' (figures.ts#ROLLUP_ORGS_OF_T: each assignment chain once per region; provinces, cities
 * and counties keep rows). A region's row counts its counted tasks that are not cancelled and
 * carry the indicator, those with a target and with an actual, and the sums of both. Writers wait
 * for it (the table is locked); rows are written in key order.
 */
export async function rebuildIndicatorRollups(db: TDb): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "IndicatorRollup" IN EXCLUSIVE MODE`;
      await tx.$executeRaw`DELETE FROM "IndicatorRollup"`;
      await tx.$executeRaw`
      INSERT INTO "IndicatorRollup" ("orgId", "indicatorId", "tasks", "targeted", "reported", "targetSum", "actualSum")
      SELECT a.org, ti."indicatorId", count(*)::int, count(ti.target)::int, count(ti.actual)::int,
        COALESCE(sum(ti.target), 0), COALESCE(sum(ti.actual), 0)
      FROM "TaskIndicator" ti
      JOIN "Task" t ON t.id = ti."taskId" ${ROLLUP_ORGS_OF_T}
      WHERE t.status <> 'CANCELLED'
      GROUP BY a.org, ti."indicatorId"
      ORDER BY a.org, ti."indicatorId"`;
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
}
