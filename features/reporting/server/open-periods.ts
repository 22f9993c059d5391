import type { TDb, TTx } from "@/lib/db/client";
import { addDays, chinaToday } from "@/lib/dates";
import { lockTreeShared } from "@/lib/db/tree-lock";
import { ROLLUP_ORGS_OF_T } from "@/features/rollups/server/figures";
import { periodsToOpen, type TFrequency } from "../lib/periods";
import { owesSql, type TRuleCover } from "./owing";

// No "server-only": the scheduled job, the benchmark and the tests call this.

type TRuleRow = TRuleCover & {
  id: number;
  frequency: TFrequency;
  dueDay: number;
  startDate: Date;
  endDate: Date;
  createdAt: Date;
  lastStart: Date | null;
};

/**
 * Counts the tasks that owe a report for the new period `periodId` (owing.ts) in
 * ReportingRollup.due of the regions they count in (each chain once per region; provinces,
 * cities and counties), set-based, in the transaction that inserted the period.
 */
async function fillDue(tx: TTx, rule: TRuleCover, period: { id: number; startDate: Date }): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ReportingRollup" AS rr ("orgId", "periodId", due)
    SELECT a.org, ${period.id}::int, count(*)::int
    FROM "Task" t ${ROLLUP_ORGS_OF_T}
    WHERE ${owesSql(rule, period.startDate)}
    GROUP BY a.org ORDER BY a.org
    ON CONFLICT ("orgId", "periodId") DO UPDATE SET due = rr.due + EXCLUDED.due`;
}

/**
 * Opens every period that has come (its first day ≤ `today`) of every live rule, from the first
 * period that ends on or after the day the rule was made (a rule never reaches back into the
 * past: no 漏报 for periods before it existed) up to today's. Idempotent across instances: a
 * period is inserted once (unique (ruleId, startDate), ON CONFLICT DO NOTHING), and only the
 * transaction that inserted it counts its due reports. Returns the ids of the periods it opened.
 */
export async function openDuePeriods(db: TDb, today: Date = chinaToday()): Promise<number[]> {
  const rules = await db.$queryRaw<TRuleRow[]>`
    SELECT r.id, r."planId", r."objectiveId", r."batchId", r.frequency::text AS frequency, r."dueDay",
      r."startDate", r."endDate", r."createdAt", (SELECT max(p."startDate") FROM "ReportingPeriod" p WHERE p."ruleId" = r.id) AS "lastStart"
    FROM "ReportingRule" r
    WHERE r."retiredAt" IS NULL AND r."startDate" <= ${today}::date`;
  const opened: number[] = [];
  for (const r of rules) {
    const made = chinaToday(r.createdAt);
    const since = r.lastStart && addDays(r.lastStart, 1) > made ? addDays(r.lastStart, 1) : made;
    for (const p of periodsToOpen(r, today, since)) {
      if (r.lastStart && p.startDate <= r.lastStart) continue;
      const id = await db.$transaction(
        async (tx) => {
          await lockTreeShared(tx);
          const [row] = await tx.$queryRaw<{ id: number }[]>`
          INSERT INTO "ReportingPeriod" ("ruleId", "startDate", "endDate", "dueDate", status)
          VALUES (${r.id}, ${p.startDate}::date, ${p.endDate}::date, ${p.dueDate}::date, 'OPEN')
          ON CONFLICT ("ruleId", "startDate") DO NOTHING RETURNING id`;
          if (!row) return null;
          await fillDue(tx, r, { id: row.id, startDate: p.startDate });
          return row.id;
        },
        { timeout: 600_000, maxWait: 60_000 },
      );
      if (id !== null) opened.push(id);
    }
  }
  return opened;
}

/** The open periods whose last day is before `today`, oldest first (to be closed). */
export async function periodsToClose(db: Pick<TTx, "$queryRaw">, today: Date): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM "ReportingPeriod" WHERE status = 'OPEN' AND "endDate" < ${today}::date ORDER BY "endDate", id`;
  return rows.map((r) => r.id);
}
