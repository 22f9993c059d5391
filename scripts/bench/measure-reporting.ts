import type { TDb } from "@/lib/db/client";
import { readReportCounts } from "@/features/reporting/server/read-status";
import { getReportStatus } from "@/features/reporting/server/view-report-status";
import { relightWhere } from "@/features/lights/server/relight";
import { closePeriod } from "@/features/reporting/server/close-period";
import { Prisma } from "@/lib/generated/prisma/client";
import { bulkPool } from "./database";
import { monthStart, rollupHistory } from "./reporting";
import { u } from "./sql";
import { formatSummary, log, pick, rng, summarize, timed, type TSummary } from "./stats";
import type { TTargets } from "./targets";

// 报送情况 for the nation (the page's read: rules, periods, the org family, the provinces' counts)
// on a random closed period of the bench rule, and the close of one monthly period for every task:
// an OPEN period of the current month is created with 94 % of the tasks reported (set-based, not
// timed), closed (timed: 6 % become 漏报), then removed again so that the dataset stays as it was.

export type TReportingResult = {
  national: TSummary;
  read: TSummary;
  closeSeconds: number;
};

export async function measureReporting(
  db: TDb,
  { url, today, targets, iterations }: { url: string; today: Date; targets: TTargets; iterations: number },
): Promise<TReportingResult> {
  const rule = await db.reportingRule.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
  const periods = await db.reportingPeriod.findMany({
    where: { ruleId: rule.id, status: "CLOSED" },
    select: { id: true },
  });
  if (periods.length === 0) throw new Error("no closed period: ensureReporting did not run");
  const root = targets.national;
  const r = rng(20261205);
  const run = async (fn: (periodId: number) => Promise<unknown>) => {
    for (let k = 0; k < 30; k++) await fn(pick(periods, r).id);
    const samples: number[] = [];
    for (let k = 0; k < iterations; k++) {
      const p = pick(periods, r).id;
      samples.push((await timed(() => fn(p)))[0]);
    }
    return summarize(samples);
  };
  const read = await run((periodId) => readReportCounts(db, { orgs: root.readOrgs, periodId }));
  log(formatSummary("national: 报送情况 read", read));
  const national = await run((period) =>
    getReportStatus({ orgId: root.id }, { orgId: root.id, rule: rule.id, period }),
  );
  log(formatSummary("national: 报送情况 view", national));
  const closeSeconds = await measureClose(db, { url, today, ruleId: rule.id });
  log(`close of one monthly period: ${closeSeconds} s`);
  return { national, read, closeSeconds };
}

async function measureClose(
  db: TDb,
  { url, today, ruleId }: { url: string; today: Date; ruleId: number },
): Promise<number> {
  const pool = bulkPool(url, 2);
  const start = monthStart(today, 0).toISOString().slice(0, 10);
  const cleanup = async () => {
    const where = `(SELECT id FROM "ReportingPeriod" WHERE "ruleId" = $1 AND "startDate" = $2::date)`;
    await pool.query(`DELETE FROM "PeriodReport" WHERE "periodId" IN ${where}`, [ruleId, start]);
    await pool.query(`DELETE FROM "ReportingRollup" WHERE "periodId" IN ${where}`, [ruleId, start]);
    await pool.query(`DELETE FROM "ReportingPeriod" WHERE "ruleId" = $1 AND "startDate" = $2::date`, [
      ruleId,
      start,
    ]);
  };
  try {
    await cleanup();
    const {
      rows: [period],
    } = await pool.query<{ id: number }>(
      `INSERT INTO "ReportingPeriod" ("ruleId", "startDate", "endDate", "dueDate", status)
       VALUES ($1, $2::date, ($2::date + interval '1 month' - interval '1 day')::date, ($2::date + 24), 'OPEN') RETURNING id`,
      [ruleId, start],
    );
    const periodId = period!.id;
    const {
      rows: [range],
    } = await pool.query<{ lo: number; hi: number }>(`SELECT min(id) AS lo, max(id) + 1 AS hi FROM "Task"`);
    const v = u(`t.id * 64 + ${periodId % 64}`, 20261206);
    for (let lo = range!.lo ?? 0; lo < (range!.hi ?? 0); lo += 500_000)
      await pool.query(
        `INSERT INTO "PeriodReport" ("periodId", "taskId", status, "reportedAt")
         SELECT $1, t.id, CASE WHEN ${v} < 0.10 THEN 'LATE' ELSE 'ON_TIME' END::"PeriodReportStatus", now()
         FROM "Task" t WHERE t.id >= $2 AND t.id < $3 AND t.status <> 'CANCELLED' AND ${v} >= 0.06`,
        [periodId, lo, lo + 500_000],
      );
    await rollupHistory(pool, ruleId, periodId);
    await pool.query(`ANALYZE "PeriodReport"`);
    const [ms] = await timed(() => closePeriod(db, periodId, today));
    const {
      rows: [check],
    } = await pool.query<{ missing: number; rolled: number }>(
      `SELECT (SELECT count(*) FROM "PeriodReport" WHERE "periodId" = $1 AND status = 'MISSING')::int AS missing,
         (SELECT COALESCE(sum(x.missing), 0) FROM "ReportingRollup" x JOIN "Org" o ON o.id = x."orgId" AND o.level = 'PROVINCE'
          WHERE x."periodId" = $1)::int AS rolled`,
      [periodId],
    );
    log(`close: ${check!.missing} 漏报 rows written, ${check!.rolled} counted in the provinces' rows`);
    return Math.round(ms / 100) / 10;
  } finally {
    await cleanup();
    await pool.end();
    // The core's close flags the tasks that missed (reportFlag) and relights them; the bench
    // history sets no flag, so every flag is the measured close's: cleared and relit (Task.light
    // and Rollup red/yellow/green) so that the dataset and the next run's drift check are as before.
    await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SET LOCAL work_mem = '256MB'`;
        const ids = await tx.$queryRaw<{ id: number }[]>`
          UPDATE "Task" SET "reportFlag" = 'NONE' WHERE "reportFlag" <> 'NONE' RETURNING id`;
        if (ids.length) await relightWhere(tx, Prisma.sql`t.id = ANY(${ids.map((r) => r.id)}::int[])`, today);
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  }
}
