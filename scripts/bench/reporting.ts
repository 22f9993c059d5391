import type pg from "pg";
import { ROLLUP_ORGS_OF_T } from "@/features/rollups/server/figures";
import { bulkPool } from "./database";
import { u } from "./sql";
import { log, timed } from "./stats";

// The reporting calendar of the benchmark dataset (issue 14): one MONTHLY rule set by the root on
// the plan of the generated tasks (so every task owes it), with 12 closed periods of history (the
// 12 months before the current one). A deterministic mix per task and month: 2 % 漏报, 4 % 迟报,
// the rest 按时. At full size 12 × 5.7 M PeriodReport rows would be ~70 M rows of history nobody
// reads row by row, so the history is compressed: PeriodReport rows are written only for the
// late and missing reports (what the drill-down and the 漏报 counts read), and ReportingRollup
// is counted set-based with 按时 = due − late − missing. Generated once per dataset.

const MISSING = 0.02;
const LATE = 0.06; // u < 0.02 missing, 0.02 ≤ u < 0.06 late

/** Month starts (UTC midnight) `back` months before the month of `today`. */
export function monthStart(today: Date, back: number): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
}
const day = (d: Date) => d.toISOString().slice(0, 10);

export type TReportingData = { ruleId: number; periods: number; reports: number; seconds: number } | null;

/** Generates the rule and its history when the dataset has no reporting rule; null when it had one. */
export async function ensureReporting(url: string, today: Date): Promise<TReportingData> {
  const pool = bulkPool(url, 2);
  try {
    const { rows: have } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ReportingRule"`);
    if (have[0]!.n > 0) return null;
    const [ms, out] = await timed(() => generate(pool, today));
    log(
      `reporting: rule ${out.ruleId}, ${out.periods} closed periods, ${out.reports} late/missing reports in ${(ms / 1000).toFixed(1)} s`,
    );
    return { ...out, seconds: Math.round(ms / 100) / 10 };
  } finally {
    await pool.end();
  }
}

async function generate(pool: pg.Pool, today: Date) {
  const {
    rows: [plan],
  } = await pool.query<{ planId: number }>(
    `SELECT ob."planId" FROM "Objective" ob WHERE ob.id = (SELECT t."objectiveId" FROM "Task" t ORDER BY t.id LIMIT 1)`,
  );
  const {
    rows: [rule],
  } = await pool.query<{ id: number }>(
    `INSERT INTO "ReportingRule" ("planId", "orgId", frequency, "dueDay", "startDate", "endDate", "createdById")
     SELECT $1, (SELECT id FROM "Org" WHERE "parentId" IS NULL), 'MONTHLY', 25, $2::date, $3::date,
       COALESCE((SELECT min(id) FROM "User"), 0)
     RETURNING id`,
    [plan!.planId, day(monthStart(today, 12)), day(monthStart(today, -12))],
  );
  const ruleId = rule!.id;
  // 12 closed months: start, end (the day before the next month), due on the 25th.
  await pool.query(
    `INSERT INTO "ReportingPeriod" ("ruleId", "startDate", "endDate", "dueDate", status, "closedAt")
     SELECT $1, s, (s + interval '1 month' - interval '1 day')::date, (s + interval '24 days')::date, 'CLOSED', now()
     FROM generate_series($2::date, $3::date, interval '1 month') AS g(s)`,
    [ruleId, day(monthStart(today, 12)), day(monthStart(today, 1))],
  );
  const { rows: periods } = await pool.query<{ id: number; n: number }>(
    `SELECT id, row_number() OVER (ORDER BY "startDate")::int AS n FROM "ReportingPeriod" WHERE "ruleId" = $1`,
    [ruleId],
  );
  const ids = periods.map((p) => p.id);
  const {
    rows: [range],
  } = await pool.query<{ lo: number; hi: number }>(`SELECT min(id) AS lo, max(id) + 1 AS hi FROM "Task"`);
  let reports = 0;
  const step = 500_000;
  for (let lo = range!.lo ?? 0; lo < (range!.hi ?? 0); lo += step) {
    const r = await pool.query(
      `INSERT INTO "PeriodReport" ("periodId", "taskId", status, "reportedAt")
       SELECT p.id, t.id, CASE WHEN x.v < ${MISSING} THEN 'MISSING' ELSE 'LATE' END::"PeriodReportStatus",
         CASE WHEN x.v < ${MISSING} THEN NULL ELSE (p."dueDate" + 3)::timestamptz END
       FROM "Task" t CROSS JOIN "ReportingPeriod" p
       CROSS JOIN LATERAL (SELECT ${u(`t.id * 64 + p.id % 64`, 20261204)} AS v) x
       WHERE p.id = ANY($1::int[]) AND t.id >= $2 AND t.id < $3 AND t.status <> 'CANCELLED' AND x.v < ${LATE}`,
      [ids, lo, lo + step],
    );
    reports += r.rowCount ?? 0;
  }
  await pool.query(`ANALYZE "PeriodReport"`);
  await rollupHistory(pool, ruleId);
  return { ruleId, periods: ids.length, reports };
}

/**
 * ReportingRollup of the rule's periods, set-based: due = the counted tasks per region (the rule
 * is the root's on the whole plan: every task not cancelled owes it), late and missing from the
 * PeriodReport rows, 按时 the rest (the compressed history has no ON_TIME rows).
 */
export async function rollupHistory(
  pool: pg.Pool,
  ruleId: number,
  periodId: number | null = null,
): Promise<void> {
  if (ROLLUP_ORGS_OF_T.values.length) throw new Error("ROLLUP_ORGS_OF_T has parameters");
  const orgsOfT = ROLLUP_ORGS_OF_T.sql;
  const only = `($2::int IS NULL OR p.id = $2::int)`;
  await pool.query(
    `DELETE FROM "ReportingRollup" x USING "ReportingPeriod" p WHERE p.id = x."periodId" AND p."ruleId" = $1 AND ${only}`,
    [ruleId, periodId],
  );
  await pool.query(
    `WITH d AS (
       SELECT a.org, count(*)::int AS due FROM "Task" t ${orgsOfT} WHERE t.status <> 'CANCELLED' GROUP BY a.org
     ), lm AS (
       SELECT a.org, pr."periodId", count(*) FILTER (WHERE pr.status = 'LATE')::int AS late,
         count(*) FILTER (WHERE pr.status = 'MISSING')::int AS missing,
         count(*) FILTER (WHERE pr.status = 'ON_TIME')::int AS "onTime"
       FROM "PeriodReport" pr JOIN "ReportingPeriod" p ON p.id = pr."periodId" AND p."ruleId" = $1 AND ${only}
       JOIN "Task" t ON t.id = pr."taskId" ${orgsOfT}
       GROUP BY 1, 2
     )
     INSERT INTO "ReportingRollup" ("orgId", "periodId", due, "onTime", late, missing)
     SELECT d.org, p.id, d.due,
       CASE WHEN p.status = 'CLOSED' THEN d.due - COALESCE(lm.late, 0) - COALESCE(lm.missing, 0) ELSE COALESCE(lm."onTime", 0) END,
       COALESCE(lm.late, 0), COALESCE(lm.missing, 0)
     FROM d CROSS JOIN "ReportingPeriod" p
     LEFT JOIN lm ON lm.org = d.org AND lm."periodId" = p.id
     WHERE p."ruleId" = $1 AND ${only}
     ORDER BY d.org, p.id`,
    [ruleId, periodId],
  );
  await pool.query(`ANALYZE "ReportingRollup"`);
}
