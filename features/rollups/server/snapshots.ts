import type { TDb, TTx } from "@/lib/db/client";
import { ROLLUP_LEVELS_SQL } from "./figures";
import { overdueOf } from "./read-rollups";

// No "server-only": the scheduled job and the benchmark call this too.

/**
 * Upserts today's completion snapshot of every federation (the orgs with roll-up rows; a stray
 * branch row, e.g. written by an old instance during a deploy, is ignored) per plan, from the
 * maintained roll-ups, so it follows the counting rule; the root's rows are the sums of the
 * provinces'. Run by the scheduled job, so today's rows follow the day and earlier days keep their
 * last value.
 */
export async function takeSnapshots(db: TDb | TTx, today: Date): Promise<number> {
  return db.$executeRaw`
    WITH per AS (
      SELECT r."orgId", m."planId",
        sum(r."pendingSign" + r."handedBack" + r."inProgress" + r."submitted" + r."completed")::int AS total,
        sum(r."completed")::int AS completed, sum(r."completedOnTime")::int AS "completedOnTime",
        sum(${overdueOf(today)})::int AS overdue,
        sum(r."progressSum") AS "progressSum"
      FROM "Rollup" r
      JOIN "Org" o ON o.id = r."orgId" AND o.level IN (${ROLLUP_LEVELS_SQL})
      JOIN "Objective" m ON m.id = r."objectiveId"
      GROUP BY r."orgId", m."planId"
    ), everything AS (
      SELECT * FROM per
      UNION ALL
      SELECT o."parentId", per."planId", sum(total)::int, sum(completed)::int, sum("completedOnTime")::int, sum(overdue)::int, sum("progressSum")
      FROM per JOIN "Org" o ON o.id = per."orgId" AND o.level = 'PROVINCE'
      GROUP BY o."parentId", per."planId"
    )
    INSERT INTO "RollupSnapshot" ("orgId", "planId", "day", "total", "completed", "completedOnTime", "overdue", "progressSum")
    SELECT "orgId", "planId", ${today}::date, total, completed, "completedOnTime", overdue, "progressSum" FROM everything
    ON CONFLICT ("orgId", "planId", "day") DO UPDATE SET total = EXCLUDED.total, completed = EXCLUDED.completed,
      "completedOnTime" = EXCLUDED."completedOnTime", overdue = EXCLUDED.overdue, "progressSum" = EXCLUDED."progressSum"`;
}

export type TTrendPoint = { date: string; total: number; completed: number; overdue: number };

/**
 * One point per week (the week's last snapshot, weeks starting Monday) for the last `weeks` weeks,
 * of one plan, or of every plan together without `planId`.
 */
export async function readTrend(
  db: TDb | TTx,
  { orgId, planId, today, weeks = 26 }: { orgId: number; planId?: number; today: Date; weeks?: number },
): Promise<TTrendPoint[]> {
  const plan = planId ?? null;
  const rows = await db.$queryRaw<{ week: Date; total: number; completed: number; overdue: number }[]>`
    SELECT DISTINCT ON (date_trunc('week', "day")) date_trunc('week', "day")::date AS week, total, completed, overdue
    FROM (
      SELECT "day", sum(total)::int AS total, sum(completed)::int AS completed, sum(overdue)::int AS overdue
      FROM "RollupSnapshot"
      WHERE "orgId" = ${orgId} AND (${plan}::int IS NULL OR "planId" = ${plan}::int)
        AND "day" > ${today}::date - ${weeks * 7}::int AND "day" <= ${today}::date
      GROUP BY "day"
    ) s
    ORDER BY date_trunc('week', "day"), "day" DESC`;
  return rows.map((r) => ({
    date: r.week.toISOString().slice(0, 10),
    total: r.total,
    completed: r.completed,
    overdue: r.overdue,
  }));
}
