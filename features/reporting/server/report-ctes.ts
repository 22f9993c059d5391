import { Prisma } from "@/lib/generated/prisma/client";
import { chinaToday } from "@/lib/dates";
import { regionsOf, ROLLUP_LEVELS_SQL } from "@/features/rollups/server/figures";
import { periodsOfTaskSql } from "./owing";

// The reporting calendar's part of the one change statement (features/tasks/server/write/statement.ts):
// a progress update (进展填报) of a task is its report for every OPEN period of the rules covering it
// that it owes (owing.ts: created before the period's first day; it is open, or it could not log
// progress) and has not reported yet — only the first report of a period counts. The report is
// ON_TIME when made on or before the period's due day (China calendar), LATE after it.
//
// Task.reportFlag (read by the warning lights) is the standing of the task's latest-due period that
// has a PeriodReport: ON_TIME → NONE, LATE → LATE, MISSING → MISSING (on the same due day the worst
// wins). So a 漏报 or 迟报 stands until the task's next report, which clears it when on time; a
// period's close sets MISSING unless a later-due period already has a report (close-period.ts).
//
// Locks: the covered open periods' rows FOR SHARE, before the task row (a period being closed
// holds its row: the report waits, then finds it CLOSED and skips it — close-period.ts takes the
// period, then task rows, then Rollup, then ReportingRollup, the order of this statement).
// No "server-only": the tests build statements too.

export type TReportInput = {
  taskId: number;
  objectiveId: number;
  orgPath: readonly number[];
  countFrom: number;
  now: Date;
};

/** CTEs before `cur`: plk (the periods, locked), prw (the reports to write), nf (the new flag, if any). */
export function reportBeforeCtes(x: TReportInput): Prisma.Sql[] {
  const today = chinaToday(x.now);
  return [
    Prisma.sql`plk AS MATERIALIZED (
      SELECT p.id, p."dueDate" FROM "ReportingPeriod" p JOIN "ReportingRule" r ON r.id = p."ruleId"
      WHERE p.status = 'OPEN' AND ${periodsOfTaskSql(x.taskId, x.objectiveId)}
        AND p."startDate" > (SELECT (tc."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date FROM "Task" tc WHERE tc.id = ${x.taskId})
      ORDER BY p.id FOR SHARE OF p)`,
    Prisma.sql`prw AS MATERIALIZED (
      SELECT plk.id, plk."dueDate",
        (CASE WHEN ${today}::date <= plk."dueDate" THEN 'ON_TIME' ELSE 'LATE' END)::"PeriodReportStatus" AS status
      FROM plk WHERE NOT EXISTS (SELECT 1 FROM "PeriodReport" x WHERE x."periodId" = plk.id AND x."taskId" = ${x.taskId}))`,
    Prisma.sql`nf AS MATERIALIZED (
      SELECT (CASE z.s WHEN 'MISSING' THEN 'MISSING' WHEN 'LATE' THEN 'LATE' ELSE 'NONE' END)::"ReportFlag" AS v
      FROM (SELECT yp."dueDate" AS d, y.status::text AS s FROM "PeriodReport" y JOIN "ReportingPeriod" yp ON yp.id = y."periodId"
              WHERE y."taskId" = ${x.taskId}
            UNION ALL SELECT prw."dueDate", prw.status::text FROM prw) z
      WHERE EXISTS (SELECT 1 FROM prw)
      ORDER BY z.d DESC, CASE z.s WHEN 'MISSING' THEN 0 WHEN 'LATE' THEN 1 ELSE 2 END
      LIMIT 1)`,
  ];
}

/** Added to `cur`'s WHERE: makes the periods' locks come before the task row's. */
export const AFTER_PERIOD_LOCKS = Prisma.sql` AND (SELECT count(*) FROM plk) >= 0`;

/** The task's new reportFlag (the light reads it): nf's, or unchanged. */
export const NEW_REPORT_FLAG = Prisma.sql`COALESCE((SELECT v FROM nf), cur."reportFlag")`;

/** The SET item of the task's UPDATE. */
export const SET_REPORT_FLAG = Prisma.sql`"reportFlag" = COALESCE((SELECT v FROM nf), t."reportFlag")`;

/**
 * CTEs after the records (`rec0` is the progress update): the PeriodReport rows, and the
 * ReportingRollup onTime/late of the task's regions (ascending org, then period).
 */
export function reportAfterCtes(x: TReportInput): Prisma.Sql[] {
  const regions = regionsOf(x);
  return [
    Prisma.sql`pr_ins AS (
      INSERT INTO "PeriodReport" ("periodId", "taskId", status, "progressUpdateId", "reportedAt")
      SELECT prw.id, upd.id, prw.status, (SELECT id FROM rec0 LIMIT 1), ${x.now}
      FROM prw, upd ON CONFLICT DO NOTHING RETURNING "periodId", status)`,
    Prisma.sql`pr_roll AS (
      INSERT INTO "ReportingRollup" AS rr ("orgId", "periodId", "onTime", late)
      SELECT a.org, i."periodId", (i.status = 'ON_TIME')::int, (i.status = 'LATE')::int
      FROM pr_ins i CROSS JOIN unnest(${regions}::int[]) AS a(org)
      JOIN "Org" ro ON ro.id = a.org AND ro.level IN (${ROLLUP_LEVELS_SQL})
      ORDER BY a.org, i."periodId"
      ON CONFLICT ("orgId", "periodId") DO UPDATE SET "onTime" = rr."onTime" + EXCLUDED."onTime", late = rr.late + EXCLUDED.late
      RETURNING 1)`,
  ];
}

/**
 * For a change that runs in a transaction (a task in a chain, or with evidence): takes the covered
 * open periods' rows FOR SHARE before the chain's task rows are locked, so that every writer takes
 * period rows before task rows (close-period.ts does too). The statement's `plk` then finds them held.
 */
export async function lockReportPeriods(
  tx: { $queryRaw: <T>(q: Prisma.Sql) => Promise<T> },
  x: Pick<TReportInput, "taskId" | "objectiveId">,
): Promise<void> {
  await tx.$queryRaw(Prisma.sql`
    SELECT p.id FROM "ReportingPeriod" p JOIN "ReportingRule" r ON r.id = p."ruleId"
    WHERE p.status = 'OPEN' AND ${periodsOfTaskSql(x.taskId, x.objectiveId)}
    ORDER BY p.id FOR SHARE OF p`);
}
