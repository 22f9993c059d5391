import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ROLLUP_LEVELS } from "@/features/rollups/server/figures";
import type { TOrgRef } from "@/features/rollups/server/read-rollups";
import type { TReportCounts } from "../lib/report-metrics";
import { TASK_DUE_IN_PERIOD } from "./owing";

// No "server-only": the benchmark measures exactly this read path.

export type TReportRow = TReportCounts & { orgId: number; own: boolean };

/**
 * 报送情况 of some orgs (not the root) for one period, in one statement: federations read their
 * ReportingRollup row (each chain once per region), branches (no rows) and the tasks an org holds
 * itself (本级, `ownOf`, rows with `own` true) are counted from their owing tasks and PeriodReport.
 */
export async function readReportCounts(
  db: Pick<TTx, "$queryRaw">,
  q: { orgs: TOrgRef[]; periodId: number; ownOf?: number },
): Promise<TReportRow[]> {
  const rolled = q.orgs
    .filter((o) => (ROLLUP_LEVELS as readonly string[]).includes(o.level))
    .map((o) => o.id);
  const branches = q.orgs.filter((o) => o.level === "GRASSROOTS").map((o) => o.id);
  const held = q.ownOf === undefined ? branches : [...branches, q.ownOf];
  const ownOf = q.ownOf ?? 0;
  const tasksPart =
    held.length === 0
      ? Prisma.empty
      : Prisma.sql`UNION ALL
    SELECT t."orgId", t."orgId" = ${ownOf} AS own, count(*)::int,
      count(*) FILTER (WHERE pr.status = 'ON_TIME')::int,
      count(*) FILTER (WHERE pr.status = 'LATE')::int,
      count(*) FILTER (WHERE pr.status = 'MISSING')::int
    FROM "ReportingPeriod" p
    JOIN "ReportingRule" r ON r.id = p."ruleId"
    JOIN "Task" t ON t."orgId" = ANY(${held}::int[])
    LEFT JOIN "PeriodReport" pr ON pr."periodId" = p.id AND pr."taskId" = t.id
    WHERE p.id = ${q.periodId} AND ${TASK_DUE_IN_PERIOD}
    GROUP BY 1, 2`;
  return db.$queryRaw<TReportRow[]>`
    SELECT x."orgId", FALSE AS own, x.due, x."onTime", x.late, x.missing
    FROM "ReportingRollup" x
    WHERE x."periodId" = ${q.periodId} AND x."orgId" = ANY(${rolled}::int[])
    ${tasksPart}`;
}
