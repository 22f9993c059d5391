import type { TDb, TTx } from "@/lib/db/client";
import { overdueOf } from "./read-rollups";

export type TRecomputed = { orgId: number; objectiveId: number; pendingSign: number; handedBack: number; inProgress: number; submitted: number; completed: number; completedOnTime: number; progressSum: number; overdue: number };

/**
 * The naive answer straight from the task rows (GROUP BY over every task and its ancestors),
 * for checks and the benchmark's comparison. `orgIds` restricts it to some orgs.
 */
export async function recomputeRollups(db: TDb | TTx, today: Date, orgIds?: number[]): Promise<TRecomputed[]> {
  const rows = await db.$queryRaw<TRecomputed[]>`
    SELECT a.org AS "orgId", t."objectiveId",
      count(*) FILTER (WHERE t.status = 'PENDING_SIGN')::int AS "pendingSign",
      count(*) FILTER (WHERE t.status = 'HANDED_BACK')::int AS "handedBack",
      count(*) FILTER (WHERE t.status = 'IN_PROGRESS')::int AS "inProgress",
      count(*) FILTER (WHERE t.status = 'SUBMITTED')::int AS "submitted",
      count(*) FILTER (WHERE t.status = 'COMPLETED')::int AS "completed",
      count(*) FILTER (WHERE t.status = 'COMPLETED' AND (t."completedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date <= t."dueDate")::int AS "completedOnTime",
      COALESCE(sum(CASE WHEN t.status = 'COMPLETED' THEN 100 WHEN t.status = 'CANCELLED' THEN 0 ELSE t.progress END), 0)::int AS "progressSum",
      count(*) FILTER (WHERE t.status IN ('PENDING_SIGN', 'HANDED_BACK', 'IN_PROGRESS', 'SUBMITTED') AND t."dueDate" < ${today}::date)::int AS "overdue"
    FROM "Task" t CROSS JOIN LATERAL unnest(t."orgPath"[2:]) AS a(org)
    WHERE ${orgIds ?? null}::int[] IS NULL OR a.org = ANY(${orgIds ?? null}::int[])
    GROUP BY a.org, t."objectiveId"`;
  return rows;
}

/** The maintained roll-ups in the same shape (overdue through the watermark). */
export async function readMaintained(db: TDb | TTx, today: Date, orgIds?: number[]): Promise<TRecomputed[]> {
  return db.$queryRaw<TRecomputed[]>`
    SELECT r."orgId", r."objectiveId", r."pendingSign", r."handedBack", r."inProgress", r."submitted", r."completed", r."completedOnTime",
      r."progressSum"::int AS "progressSum",
      (${overdueOf(today)})::int AS "overdue"
    FROM "Rollup" r
    WHERE ${orgIds ?? null}::int[] IS NULL OR r."orgId" = ANY(${orgIds ?? null}::int[])`;
}
