import type { TDb } from "@/lib/db/client";
import { ROLLUP_ORGS_OF_T } from "@/features/rollups/server/figures";
import { TASK_COVERED_BY_RULE, TASK_DUE_IN_PERIOD } from "./owing";

// No "server-only": the benchmark, repairs and the tests call this.

/**
 * Recounts ReportingRollup from the owing tasks and their PeriodReport rows, set-based, in one
 * transaction (the table is locked; writers wait): per federation region (PROVINCE/CITY/COUNTY)
 * and period, each assignment chain once per region (ROLLUP_ORGS_OF_T): a closed period counts its
 * PeriodReport rows; an open one also the tasks that owe it without a report yet (未报), as due.
 */
export async function rebuildReportingRollups(db: TDb): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "ReportingRollup" IN EXCLUSIVE MODE`;
      await tx.$executeRaw`DELETE FROM "ReportingRollup"`;
      await tx.$executeRaw`
      INSERT INTO "ReportingRollup" ("orgId", "periodId", due, "onTime", late, missing)
      SELECT a.org, p.id, count(*)::int,
        count(*) FILTER (WHERE pr.status = 'ON_TIME')::int,
        count(*) FILTER (WHERE pr.status = 'LATE')::int,
        count(*) FILTER (WHERE pr.status = 'MISSING')::int
      FROM "ReportingPeriod" p
      JOIN "ReportingRule" r ON r.id = p."ruleId"
      JOIN "Task" t ON ${TASK_COVERED_BY_RULE}
      LEFT JOIN "PeriodReport" pr ON pr."periodId" = p.id AND pr."taskId" = t.id
      ${ROLLUP_ORGS_OF_T}
      WHERE ${TASK_DUE_IN_PERIOD}
      GROUP BY a.org, p.id
      ORDER BY a.org, p.id`;
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
}
