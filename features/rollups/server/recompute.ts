import type { TDb, TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { overdueOf } from "./read-rollups";

export type TRecomputed = { orgId: number; objectiveId: number; pendingSign: number; handedBack: number; inProgress: number; submitted: number; completed: number; completedOnTime: number; progressSum: number; overdue: number };

/**
 * "Completed on time" of task row `t` in SQL: approved by the end of the due day in China.
 * completedAt is a UTC timestamp without time zone, so it is read as UTC first.
 * The same rule as lib/contribution.ts#completedOnTime; the rebuild and the benchmark use it too.
 */
export const ON_TIME = `(t."completedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date <= t."dueDate"`;

const orgFilter = (column: Prisma.Sql, orgIds?: number[]) => Prisma.sql`${orgIds ?? null}::int[] IS NULL OR ${column} = ANY(${orgIds ?? null}::int[])`;

/** The recompute as SQL (GROUP BY over every task and its ancestors except the root), for checks inside PostgreSQL. */
export function recomputeSql(today: Date, orgIds?: number[]): Prisma.Sql {
  return Prisma.sql`
    SELECT a.org AS "orgId", t."objectiveId",
      count(*) FILTER (WHERE t.status = 'PENDING_SIGN')::int AS "pendingSign",
      count(*) FILTER (WHERE t.status = 'HANDED_BACK')::int AS "handedBack",
      count(*) FILTER (WHERE t.status = 'IN_PROGRESS')::int AS "inProgress",
      count(*) FILTER (WHERE t.status = 'SUBMITTED')::int AS "submitted",
      count(*) FILTER (WHERE t.status = 'COMPLETED')::int AS "completed",
      count(*) FILTER (WHERE t.status = 'COMPLETED' AND ${Prisma.raw(ON_TIME)})::int AS "completedOnTime",
      COALESCE(sum(CASE WHEN t.status = 'COMPLETED' THEN 100 WHEN t.status = 'CANCELLED' THEN 0 ELSE t.progress END), 0)::int AS "progressSum",
      count(*) FILTER (WHERE t.status IN ('PENDING_SIGN', 'HANDED_BACK', 'IN_PROGRESS', 'SUBMITTED') AND t."dueDate" < ${today}::date)::int AS "overdue"
    FROM "Task" t CROSS JOIN LATERAL unnest(t."orgPath"[2:]) AS a(org)
    WHERE ${orgFilter(Prisma.sql`a.org`, orgIds)}
    GROUP BY a.org, t."objectiveId"`;
}

/** The maintained roll-ups in the same shape (overdue through the watermark), as SQL. */
export function maintainedSql(today: Date, orgIds?: number[]): Prisma.Sql {
  return Prisma.sql`
    SELECT r."orgId", r."objectiveId", r."pendingSign", r."handedBack", r."inProgress", r."submitted", r."completed", r."completedOnTime",
      r."progressSum"::int AS "progressSum",
      (${overdueOf(today)})::int AS "overdue"
    FROM "Rollup" r
    WHERE ${orgFilter(Prisma.sql`r."orgId"`, orgIds)}`;
}

/** The naive answer straight from the task rows, for checks. `orgIds` restricts it to some orgs. */
export async function recomputeRollups(db: TDb | TTx, today: Date, orgIds?: number[]): Promise<TRecomputed[]> {
  return db.$queryRaw<TRecomputed[]>(recomputeSql(today, orgIds));
}

/** The maintained roll-ups in the recompute's shape. */
export async function readMaintained(db: TDb | TTx, today: Date, orgIds?: number[]): Promise<TRecomputed[]> {
  return db.$queryRaw<TRecomputed[]>(maintainedSql(today, orgIds));
}
