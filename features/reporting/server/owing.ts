import { Prisma } from "@/lib/generated/prisma/client";
import { openStatusSql } from "@/lib/task-status-sql";

// Which tasks owe a report for a period (定期报送) — the one rule, in SQL over task row `t`:
//
//   task t owes period P of rule R  ⇔  t is covered by R (R's plan: every measure of the plan;
//   R's measure; R's 下达 batch: the tasks of that batch and every task passed down (分解) from
//   them, the whole chain below, i.e. Task.batchPath holds the batch), t was created (China day) BEFORE P's
//   first day, and t is open (not COMPLETED / CANCELLED).
//
// A task created before the period started exists when the period opens (periods open on or after
// their first day), and a task never reopens, so "open now" at the opening, at a report and at the
// close all name the same tasks, minus those completed or cancelled meanwhile. No "server-only":
// the jobs, the benchmark and the tests call this.

export type TRuleCover = { planId: number | null; objectiveId: number | null; batchId: number | null };

/** China day of task row `t`'s creation (createdAt is a UTC timestamp without time zone). */
export const TASK_CREATED_DAY = Prisma.raw(
  `(t."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date`,
);

/** Task row `t` is covered by the rule (constants of one rule: uses the Task indexes of each kind). */
export function coveredSql(r: TRuleCover): Prisma.Sql {
  if (r.planId !== null)
    return Prisma.sql`t."objectiveId" IN (SELECT ob.id FROM "Objective" ob WHERE ob."planId" = ${r.planId})`;
  if (r.objectiveId !== null) return Prisma.sql`t."objectiveId" = ${r.objectiveId}`;
  if (r.batchId !== null) return Prisma.sql`t."batchPath" @> ARRAY[${r.batchId}::int]`;
  return Prisma.sql`FALSE`;
}

/** The rule above, given "t is covered" and the period's first day. */
const owes = (covered: Prisma.Sql, periodStart: Prisma.Sql) =>
  Prisma.sql`${covered} AND ${TASK_CREATED_DAY} < ${periodStart} AND ${openStatusSql("t.status")}`;

/** Task row `t` owes a report for the period of rule `r` starting on `startDate` (see above). */
export function owesSql(r: TRuleCover, startDate: Date): Prisma.Sql {
  return owes(coveredSql(r), Prisma.sql`${startDate}::date`);
}

// The same rule over rows instead of one rule's constants (the reads, the rebuild, the benchmark).
// Once a period is closed, what counted is exactly its PeriodReport rows (the close writes a 漏报
// row for every owing task without a report and settles `due` to on time + late + missing).

/** Task row `t` is covered by rule row `r`. */
export const TASK_COVERED_BY_RULE = Prisma.sql`(
  (r."planId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Objective" ob WHERE ob.id = t."objectiveId" AND ob."planId" = r."planId"))
  OR (r."objectiveId" IS NOT NULL AND t."objectiveId" = r."objectiveId")
  OR (r."batchId" IS NOT NULL AND t."batchPath" @> ARRAY[r."batchId"]))`;

/** Task row `t` owes a report for period row `p` of rule row `r` now (whether it reported or not). */
export const TASK_OWES_PERIOD = Prisma.sql`(${owes(TASK_COVERED_BY_RULE, Prisma.sql`p."startDate"`)})`;

/**
 * Task row `t` counts as due in period `p` of rule `r`, given its report row `pr` (LEFT JOIN, null
 * when it has none): it has a report of the period, or the period is open and it owes one.
 */
export const TASK_DUE_IN_PERIOD = Prisma.sql`(pr."taskId" IS NOT NULL OR (p.status = 'OPEN' AND ${TASK_OWES_PERIOD}))`;

/**
 * Period rows `p` (joined to their rule `r`) that task `taskId` is covered by, as a condition: the
 * write path's side (one task, every rule), using the rule indexes (planId, objectiveId, batchId):
 * the rules on any batch of the task's chain (its batchPath).
 */
export function periodsOfTaskSql(taskId: number, objectiveId: number): Prisma.Sql {
  return Prisma.sql`(r."objectiveId" = ${objectiveId}
      OR r."planId" = (SELECT ob."planId" FROM "Objective" ob WHERE ob.id = ${objectiveId})
      OR r."batchId" = ANY((SELECT tb."batchPath" FROM "Task" tb WHERE tb.id = ${taskId})::int[]))`;
}
