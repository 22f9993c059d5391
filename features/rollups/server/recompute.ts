import type { TDb, TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { inIdsOrAll, ROLLUP_ORGS_OF_T, taskFigures } from "./figures";
import { overdueOf } from "./read-rollups";

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

/** The recompute as SQL (GROUP BY over every task and the federations above it), for checks inside PostgreSQL. */
export function recomputeSql(today: Date, orgIds?: number[]): Prisma.Sql {
  return Prisma.sql`
    SELECT a.org AS "orgId", t."objectiveId", ${taskFigures(today)}
    FROM "Task" t ${ROLLUP_ORGS_OF_T}
    WHERE ${inIdsOrAll(Prisma.sql`a.org`, orgIds)}
    GROUP BY a.org, t."objectiveId"`;
}

/** The maintained roll-ups in the same shape (overdue through the watermark), as SQL. */
export function maintainedSql(today: Date, orgIds?: number[]): Prisma.Sql {
  return Prisma.sql`
    SELECT r."orgId", r."objectiveId", r."pendingSign", r."handedBack", r."inProgress", r."submitted", r."completed", r."completedOnTime",
      r."progressSum"::float8 AS "progressSum",
      (${overdueOf(today)})::int AS "overdue"
    FROM "Rollup" r
    WHERE ${inIdsOrAll(Prisma.sql`r."orgId"`, orgIds)}`;
}

/** The naive answer straight from the task rows, for checks. `orgIds` restricts it to some orgs. */
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
