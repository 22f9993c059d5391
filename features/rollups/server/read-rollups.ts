import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TCounts } from "../lib/metrics";

// No "server-only": the benchmark measures exactly this read path.
/**
 * Overdue today of roll-up row `r`: openDueBefore + the open tasks due between the watermark and
 * today, probed only when the scheduled job has not yet moved the row's watermark to today.
 */
export function overdueOf(today: Date): Prisma.Sql {
  return Prisma.sql`r."openDueBefore" + CASE WHEN r."overdueAsOf" < ${today}::date THEN COALESCE((SELECT sum(d."open") FROM "RollupDue" d
    WHERE d."orgId" = r."orgId" AND d."objectiveId" = r."objectiveId" AND d."dueDate" >= r."overdueAsOf" AND d."dueDate" < ${today}::date), 0) ELSE 0 END`;
}

export type TRollupRow = TCounts & { orgId: number; mainTaskId: number | null };

/**
 * Summed roll-ups of some orgs, per org and main task, optionally only for some measures.
 * `perMainTask` = one org id: only that org's rows are split by main task, the others come as one
 * row per org with mainTaskId null (a county view then returns ~100 rows instead of ~600).
 */
export async function readRollups(db: Pick<TTx, "$queryRaw">, orgIds: number[], measureIds: number[] | null, today: Date, perMainTask: "all" | number = "all"): Promise<TRollupRow[]> {
  if (orgIds.length === 0) return [];
  const splitAll = perMainTask === "all";
  const splitOrg = perMainTask === "all" ? 0 : perMainTask;
  return db.$queryRaw<TRollupRow[]>`
    SELECT r."orgId", CASE WHEN ${splitAll} OR r."orgId" = ${splitOrg} THEN r."mainTaskId" END AS "mainTaskId",
      sum(r."pendingSign")::int AS "pendingSign", sum(r."handedBack")::int AS "handedBack", sum(r."inProgress")::int AS "inProgress",
      sum(r."submitted")::int AS "submitted", sum(r."completed")::int AS "completed", sum(r."completedOnTime")::int AS "completedOnTime",
      sum(r."progressSum")::float8 AS "progressSum",
      sum(${overdueOf(today)})::int AS "overdue"
    FROM "Rollup" r
    WHERE r."orgId" = ANY(${orgIds}::int[]) AND (${measureIds}::int[] IS NULL OR r."objectiveId" = ANY(${measureIds}::int[]))
    GROUP BY 1, 2`;
}

export type TMeasureRow = TCounts & { orgId: number; objectiveId: number };

/** Like readRollups, per org and measure (for the heatmap's sub-item and measure columns). */
export async function readRollupsByMeasure(db: Pick<TTx, "$queryRaw">, orgIds: number[], measureIds: number[] | null, today: Date): Promise<TMeasureRow[]> {
  if (orgIds.length === 0) return [];
  return db.$queryRaw<TMeasureRow[]>`
    SELECT r."orgId", r."objectiveId", r."pendingSign", r."handedBack", r."inProgress", r."submitted", r."completed", r."completedOnTime",
      r."progressSum"::float8 AS "progressSum",
      (${overdueOf(today)})::int AS "overdue"
    FROM "Rollup" r
    WHERE r."orgId" = ANY(${orgIds}::int[]) AND (${measureIds}::int[] IS NULL OR r."objectiveId" = ANY(${measureIds}::int[]))`;
}
