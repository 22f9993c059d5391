import type { TDb, TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { inIdsOrAll } from "./figures";
import { overdueOf } from "./read-rollups";

// The naive answer, for checks (the property test, the benchmark's drift check). It implements
// the counting rule a second time, independently of the maintained path: it walks the org tree
// through "Org"."parentId" (not "Task"."orgPath"/"countFrom") and the chain through
// "Task"."parentTaskId", and writes every figure out again (not figures.ts#taskFigures).
// Rule: a task counts in region R when its holder is in R and its parent task's holder is not.

export type TRecomputed = {
  orgId: number;
  objectiveId: number;
  pendingSign: number;
  handedBack: number;
  inProgress: number;
  submitted: number;
  completed: number;
  completedOnTime: number;
  progressSum: number;
  overdue: number;
};

/** Every org with each of its ancestors and itself (org, anc), from the parent links. */
export const CLOSURE = Prisma.sql`closure AS (
    SELECT id AS org, id AS anc FROM "Org"
    UNION ALL
    SELECT c.org, o."parentId" FROM closure c JOIN "Org" o ON o.id = c.anc WHERE o."parentId" IS NOT NULL)`;

/**
 * (task t, region anc) pairs under the rule, for the regions that keep roll-up rows (provinces,
 * cities, counties): the holder's ancestors-or-self that are not ancestors-or-self of the parent's holder.
 */
export const COUNTED_IN = Prisma.sql`
    FROM "Task" t
    LEFT JOIN "Task" p ON p.id = t."parentTaskId"
    JOIN closure c ON c.org = t."orgId"
    JOIN "Org" ro ON ro.id = c.anc AND ro.level IN ('PROVINCE', 'CITY', 'COUNTY')
    WHERE (p.id IS NULL OR NOT EXISTS (SELECT 1 FROM closure pc WHERE pc.org = p."orgId" AND pc.anc = c.anc))`;

const OPEN = Prisma.raw(`t.status IN ('PENDING_SIGN', 'HANDED_BACK', 'IN_PROGRESS', 'SUBMITTED')`);

/** The recompute as SQL, for checks inside PostgreSQL. */
export function recomputeSql(today: Date, orgIds?: number[]): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE ${CLOSURE}
    SELECT c.anc AS "orgId", t."objectiveId",
      count(*) FILTER (WHERE t.status = 'PENDING_SIGN')::int AS "pendingSign",
      count(*) FILTER (WHERE t.status = 'HANDED_BACK')::int AS "handedBack",
      count(*) FILTER (WHERE t.status = 'IN_PROGRESS')::int AS "inProgress",
      count(*) FILTER (WHERE t.status = 'SUBMITTED')::int AS "submitted",
      count(*) FILTER (WHERE t.status = 'COMPLETED')::int AS "completed",
      count(*) FILTER (WHERE t.status = 'COMPLETED'
        AND (t."completedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date <= t."dueDate")::int AS "completedOnTime",
      round(COALESCE(sum(CASE t.status WHEN 'COMPLETED' THEN 100 WHEN 'CANCELLED' THEN 0 ELSE t.progress::numeric END), 0), 6)::float8 AS "progressSum",
      count(*) FILTER (WHERE ${OPEN} AND t."dueDate" < ${today}::date)::int AS "overdue"
    ${COUNTED_IN} AND ${inIdsOrAll(Prisma.sql`c.anc`, orgIds)}
    GROUP BY c.anc, t."objectiveId"`;
}

/** The open tasks per region, measure and due date (what overdue is computed from), recomputed. */
export const RECOMPUTE_DUE_SQL = Prisma.sql`
    WITH RECURSIVE ${CLOSURE}
    SELECT c.anc AS "orgId", t."objectiveId", t."dueDate", count(*)::int AS open
    ${COUNTED_IN} AND ${OPEN}
    GROUP BY 1, 2, 3`;

/** The maintained roll-ups in the same shape (overdue through the watermark), as SQL. */
export function maintainedSql(today: Date, orgIds?: number[]): Prisma.Sql {
  return Prisma.sql`
    SELECT r."orgId", r."objectiveId", r."pendingSign", r."handedBack", r."inProgress", r."submitted", r."completed", r."completedOnTime",
      round(r."progressSum", 6)::float8 AS "progressSum",
      (${overdueOf(today)})::int AS "overdue"
    FROM "Rollup" r
    WHERE ${inIdsOrAll(Prisma.sql`r."orgId"`, orgIds)}`;
}

/** The naive answer straight from the task rows. `orgIds` restricts it to some orgs. */
export async function recomputeRollups(
  db: TDb | TTx,
  today: Date,
  orgIds?: number[],
): Promise<TRecomputed[]> {
  return db.$queryRaw<TRecomputed[]>(recomputeSql(today, orgIds));
}

/** The maintained roll-ups in the recompute's shape. */
export async function readMaintained(db: TDb | TTx, today: Date, orgIds?: number[]): Promise<TRecomputed[]> {
  return db.$queryRaw<TRecomputed[]>(maintainedSql(today, orgIds));
}
