import type { TDb } from "@/lib/db/client";
import { openStatusSql } from "@/lib/task-status-sql";
import { ROLLUP_ORGS_OF_T } from "@/features/rollups/server/figures";

// BENCH STAND-IN for features/reporting/server/close-period.ts#closePeriod(db, periodId), which the
// core of the reporting calendar (branch issue14-rep2) provides: the lead swaps it in
// (measure-reporting.ts takes the core's when the module exists). Set-based, one transaction:
// the period is closed once (the status guard), every owing task without a report gets a 漏报
// row (the owing rule of the core's owing.ts: covered, created before the period, open; one pass over the plan's tasks, a hash anti-join with the period's reports), and the
// period's ReportingRollup rows count them (due settled to on time + late + missing).
// Unlike the core it does not set Task.reportFlag nor relight the tasks, and it knows plan rules
// only (the bench's one rule).
export async function closePeriodStandIn(db: TDb, periodId: number): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL work_mem = '256MB'`;
      const [rule] = await tx.$queryRaw<{ planId: number; startDate: Date }[]>`
        UPDATE "ReportingPeriod" p SET status = 'CLOSED', "closedAt" = now()
        FROM "ReportingRule" r
        WHERE p.id = ${periodId} AND p.status = 'OPEN' AND r.id = p."ruleId"
        RETURNING r."planId", p."startDate"`;
      if (!rule) return 0;
      // The 漏报 rows and their regions' counts in one statement; then `due` is settled to what
      // was counted (tasks completed or cancelled meanwhile without a report owe nothing).
      const [counted] = await tx.$queryRaw<{ n: number }[]>`
        WITH ins AS (
          INSERT INTO "PeriodReport" ("periodId", "taskId", status)
          SELECT ${periodId}::int, t.id, 'MISSING'
          FROM "Task" t
          WHERE t."objectiveId" IN (SELECT ob.id FROM "Objective" ob WHERE ob."planId" = ${rule.planId})
            AND ${openStatusSql("t.status")}
            AND (t."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date < ${rule.startDate}::date
            AND NOT EXISTS (SELECT 1 FROM "PeriodReport" x WHERE x."periodId" = ${periodId}::int AND x."taskId" = t.id)
          RETURNING "taskId"
        ), m AS (
          SELECT a.org, count(*)::int AS n FROM ins JOIN "Task" t ON t.id = ins."taskId" ${ROLLUP_ORGS_OF_T} GROUP BY a.org
        ), up AS (
          UPDATE "ReportingRollup" x SET missing = x.missing + m.n FROM m WHERE x."orgId" = m.org AND x."periodId" = ${periodId}
        )
        SELECT count(*)::int AS n FROM ins`;
      await tx.$executeRaw`
        UPDATE "ReportingRollup" SET due = "onTime" + late + missing WHERE "periodId" = ${periodId}`;
      const missing = counted?.n ?? 0;
      return missing;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
