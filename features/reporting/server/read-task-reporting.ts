import "server-only";
import type { TDb } from "@/lib/db/client";
import { TASK_DUE_IN_PERIOD, periodsOfTaskSql } from "./owing";

export type TTaskRule = {
  id: number;
  frequency: "WEEKLY" | "MONTHLY" | "QUARTERLY";
  dueDay: number;
  startDate: Date;
  endDate: Date;
  orgName: string;
};

/** ON_TIME / LATE / MISSING: the task's PeriodReport; PENDING: the period is open, owed, not reported. */
export type TTaskPeriodStatus = "ON_TIME" | "LATE" | "MISSING" | "PENDING";

export type TTaskPeriod = {
  id: number;
  startDate: Date;
  endDate: Date;
  dueDate: Date;
  status: TTaskPeriodStatus;
};

export type TTaskReporting = { rules: TTaskRule[]; periods: TTaskPeriod[] };

/** How many of the task's latest periods the task page lists. */
export const TASK_PERIODS_SHOWN = 6;

/**
 * The 定期报送 of one task (its page): the live rules covering it (its plan's, its measure's, its
 * 下达 batch's) and its latest periods, newest first — only the periods it reported in or owes now
 * (the one rule of owing.ts); a period it does not owe is left out. The caller has checked the
 * task is in the user's scope.
 */
export async function readTaskReporting(
  db: TDb,
  task: { id: number; objectiveId: number },
): Promise<TTaskReporting> {
  const cover = periodsOfTaskSql(task.id, task.objectiveId);
  const rules = await db.$queryRaw<TTaskRule[]>`
    SELECT r.id, r.frequency::text AS frequency, r."dueDay", r."startDate", r."endDate", so.name AS "orgName"
    FROM "ReportingRule" r JOIN "Org" so ON so.id = r."orgId"
    WHERE r."retiredAt" IS NULL AND ${cover}
    ORDER BY r.id`;
  const periods = await db.$queryRaw<TTaskPeriod[]>`
    SELECT p.id, p."startDate", p."endDate", p."dueDate", COALESCE(pr.status::text, 'PENDING') AS status
    FROM "ReportingRule" r
    JOIN "ReportingPeriod" p ON p."ruleId" = r.id
    JOIN "Task" t ON t.id = ${task.id}
    LEFT JOIN "PeriodReport" pr ON pr."periodId" = p.id AND pr."taskId" = t.id
    WHERE ${cover} AND ${TASK_DUE_IN_PERIOD}
    ORDER BY p."startDate" DESC, p.id DESC
    LIMIT ${TASK_PERIODS_SHOWN}`;
  return { rules, periods };
}
