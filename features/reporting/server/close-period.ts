import type { TDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaToday } from "@/lib/dates";
import { lockTreeShared } from "@/lib/db/tree-lock";
import { ROLLUP_ORGS_OF_T } from "@/features/rollups/server/figures";
import { markMissing } from "./mark-missing";
import { owesSql, type TRuleCover } from "./owing";
import { periodsToClose } from "./open-periods";

// No "server-only": the scheduled job, the benchmark and the tests call this.

/** Class of the per-period advisory lock (pg_advisory_xact_lock(class, periodId)). */
const CLOSE_LOCK_CLASS = 72_401_402;

export type TCloseResult = { closed: boolean; missing: number; relit: number };

/**
 * Closes period `periodId` (after its last day), once whatever the number of instances: one
 * transaction takes the period's advisory lock (try: an instance that finds it taken leaves the
 * close to the holder) and claims the period with
 * `UPDATE … SET status = 'CLOSED' WHERE status = 'OPEN' RETURNING` (a second close, now or later,
 * claims nothing and is a no-op). Then, set-based:
 * 1. every task that owes the period (owing.ts) and has no report gets a MISSING PeriodReport;
 * 2. those tasks' reportFlag becomes MISSING, unless the task has a report of a period due later
 *    (the flag is the standing of its latest-due period: see report-ctes.ts), and they are relit
 *    (Task.light and Rollup red/yellow/green) in the same UPDATE (mark-missing.ts);
 * 3. ReportingRollup.missing of their regions moves (with step 1), and `due` of every region of the period is
 *    settled to onTime + late + missing: tasks completed or cancelled during the period without a
 *    report owe nothing any more.
 * Locks: the period row (reports of the period wait for it, report-ctes.ts), the tree lock shared
 * (no task moves meanwhile), this period's ReportingRollup rows (nobody else writes them now), then
 * task rows in ascending id and Rollup rows — the order of the change statement.
 */
export async function closePeriod(
  db: TDb,
  periodId: number,
  today: Date = chinaToday(),
): Promise<TCloseResult> {
  return db.$transaction(
    async (tx) => {
      // Another instance closing the same period right now: leave it to that one.
      const [lock] = await tx.$queryRaw<{ got: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${CLOSE_LOCK_CLASS}::int, ${periodId}::int) AS got`;
      if (!lock?.got) return { closed: false, missing: 0, relit: 0 };
      const [p] = await tx.$queryRaw<(TRuleCover & { startDate: Date; dueDate: Date })[]>`
        WITH claim AS (
          UPDATE "ReportingPeriod" SET status = 'CLOSED', "closedAt" = now()
          WHERE id = ${periodId} AND status = 'OPEN' RETURNING "ruleId", "startDate", "dueDate")
        SELECT r."planId", r."objectiveId", r."batchId", c."startDate", c."dueDate"
        FROM claim c JOIN "ReportingRule" r ON r.id = c."ruleId"`;
      if (!p) return { closed: false, missing: 0, relit: 0 };
      await lockTreeShared(tx);
      // The MISSING rows and their regions' counts (grouped by path first) in one pass over the tasks.
      // ReportingRollup rows of this period before the task rows: only a close (holding the period)
      // and a tree change (excluded by the tree lock) write them while the period is being closed.
      const [ins] = await tx.$queryRaw<{ missing: number }[]>`
        WITH owing AS MATERIALIZED (
          SELECT t.id, t."orgPath", t."countFrom" FROM "Task" t
          WHERE ${owesSql(p, p.startDate)}
            AND NOT EXISTS (SELECT 1 FROM "PeriodReport" x WHERE x."periodId" = ${periodId} AND x."taskId" = t.id)),
        ins AS (
          INSERT INTO "PeriodReport" ("periodId", "taskId", status)
          SELECT ${periodId}::int, o.id, 'MISSING' FROM owing o RETURNING 1),
        cnt AS (
          INSERT INTO "ReportingRollup" AS rr ("orgId", "periodId", missing)
          SELECT a.org, ${periodId}::int, sum(t.n)::int
          FROM (SELECT o."orgPath", o."countFrom", count(*) AS n FROM owing o GROUP BY o."orgPath", o."countFrom") t
            ${ROLLUP_ORGS_OF_T}
          GROUP BY a.org ORDER BY a.org
          ON CONFLICT ("orgId", "periodId") DO UPDATE SET missing = rr.missing + EXCLUDED.missing
          RETURNING 1)
        SELECT (SELECT count(*) FROM ins)::int AS missing, (SELECT count(*) FROM cnt)::int AS rows`;
      const missing = ins?.missing ?? 0;
      const missingOf = Prisma.sql`t.id IN (SELECT x."taskId" FROM "PeriodReport" x WHERE x."periodId" = ${periodId} AND x.status = 'MISSING')`;
      const relit = missing > 0 ? await markMissing(tx, { missingOf, dueDate: p.dueDate, today }) : 0;
      await tx.$executeRaw`
        UPDATE "ReportingRollup" SET due = "onTime" + late + missing
        WHERE "periodId" = ${periodId} AND due <> "onTime" + late + missing`;
      return { closed: true, missing, relit };
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
}

/** Closes every open period whose last day is before `today` (the scheduled job). */
export async function closeDuePeriods(db: TDb, today: Date = chinaToday()): Promise<number[]> {
  const closed: number[] = [];
  for (const id of await periodsToClose(db, today))
    if ((await closePeriod(db, id, today)).closed) closed.push(id);
  return closed;
}
