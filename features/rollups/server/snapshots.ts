import type { TDb, TTx } from "@/lib/db/client";
import { ROLLUP_LEVELS_SQL } from "./figures";
import { overdueOf } from "./read-rollups";

// No "server-only": the scheduled job and the benchmark call this too.

/**
 * Upserts today's completion snapshot of every federation (the orgs with roll-up rows; a stray
 * branch row, e.g. written by an old instance during a deploy, is ignored) from the maintained
 * roll-ups, so it follows the counting rule; the root's row is the sum of the provinces. Run by
 * the scheduled job, so today's row follows the day and earlier days keep their last value.
 */
export async function takeSnapshots(db: TDb | TTx, today: Date): Promise<number> {
  return db.$executeRaw`
    WITH per AS (
      SELECT r."orgId",
        sum(r."pendingSign" + r."handedBack" + r."inProgress" + r."submitted" + r."completed")::int AS total,
        sum(r."completed")::int AS completed, sum(r."completedOnTime")::int AS "completedOnTime",
        sum(${overdueOf(today)})::int AS overdue,
        sum(r."progressSum") AS "progressSum"
      FROM "Rollup" r
      JOIN "Org" o ON o.id = r."orgId" AND o.level IN (${ROLLUP_LEVELS_SQL})
      GROUP BY r."orgId"
    ), everything AS (
      SELECT * FROM per
      UNION ALL
      SELECT o."parentId", sum(total)::int, sum(completed)::int, sum("completedOnTime")::int, sum(overdue)::int, sum("progressSum")
      FROM per JOIN "Org" o ON o.id = per."orgId" AND o.level = 'PROVINCE'
      GROUP BY o."parentId"
    )
    INSERT INTO "RollupSnapshot" ("orgId", "day", "total", "completed", "completedOnTime", "overdue", "progressSum")
    SELECT "orgId", ${today}::date, total, completed, "completedOnTime", overdue, "progressSum" FROM everything
    ON CONFLICT ("orgId", "day") DO UPDATE SET total = EXCLUDED.total, completed = EXCLUDED.completed,
      "completedOnTime" = EXCLUDED."completedOnTime", overdue = EXCLUDED.overdue, "progressSum" = EXCLUDED."progressSum"`;
}

export type TTrendPoint = { date: string; total: number; completed: number; overdue: number };

/** One point per week (the week's last snapshot, weeks starting Monday) for the last `weeks` weeks. */
export async function readTrend(
  db: TDb | TTx,
  { orgId, today, weeks = 26 }: { orgId: number; today: Date; weeks?: number },
): Promise<TTrendPoint[]> {
  const rows = await db.$queryRaw<{ week: Date; total: number; completed: number; overdue: number }[]>`
    SELECT DISTINCT ON (date_trunc('week', "day")) date_trunc('week', "day")::date AS week, total, completed, overdue
    FROM "RollupSnapshot"
    WHERE "orgId" = ${orgId} AND "day" > ${today}::date - ${weeks * 7}::int AND "day" <= ${today}::date
    ORDER BY date_trunc('week', "day"), "day" DESC`;
  return rows.map((r) => ({
    date: r.week.toISOString().slice(0, 10),
    total: r.total,
    completed: r.completed,
    overdue: r.overdue,
  }));
}
