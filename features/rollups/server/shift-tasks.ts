import type { TTx } from "@/lib/db/client";
import { countedProgressSql } from "@/lib/task-status-sql";
import { chinaToday } from "@/lib/dates";
import { shiftIndicatorRollups, tasksById } from "@/features/indicators/server/insert-task-indicators";
import { setLightsOutsideRollups } from "@/features/lights/server/relight";
import { shiftReportingRollups } from "@/features/reporting/server/shift-reporting";
import { ON_TIME, OPEN_TASK, ROLLUP_ORGS_OF_T } from "./figures";

// No "server-only": the tests call this too.

/**
 * Takes the tasks `ids` out of (`sign` −1) or puts them into (+1) the roll-ups of the regions they
 * count in, as their rows stand now: the tree changes (move, merge, close) call it with −1, change
 * the tasks' holder, path or countFrom, and call it again with +1, in one transaction. Set-based:
 * one lock statement and two upserts whatever the number of tasks. Rows are locked in ascending
 * (org, measure), the order every writer uses; the watermark read for openDueBefore is the locked one.
 */
export async function shiftTasksInRollups(tx: TTx, ids: readonly number[], sign: 1 | -1): Promise<void> {
  if (ids.length === 0) return;
  const list = [...ids];
  // Their review org (so their warning settings) may have changed: relit while they are out.
  if (sign === 1) await setLightsOutsideRollups(tx, list, chinaToday());
  await tx.$queryRaw`
    SELECT 1 FROM "Rollup" r
    WHERE ("orgId", "objectiveId") IN (
      SELECT a.org, t."objectiveId" FROM "Task" t ${ROLLUP_ORGS_OF_T} WHERE t.id = ANY(${list}::int[]))
    ORDER BY r."orgId", r."objectiveId" FOR UPDATE`;
  await tx.$executeRaw`
    INSERT INTO "Rollup" AS r ("orgId", "objectiveId", "mainTaskId", "pendingSign", "handedBack", "inProgress",
      "submitted", "completed", "completedOnTime", "progressSum", "openDueBefore", "red", "yellow", "green")
    SELECT a.org, t."objectiveId", t."mainTaskId",
      ${sign}::int * count(*) FILTER (WHERE t.status = 'PENDING_SIGN')::int,
      ${sign}::int * count(*) FILTER (WHERE t.status = 'HANDED_BACK')::int,
      ${sign}::int * count(*) FILTER (WHERE t.status = 'IN_PROGRESS')::int,
      ${sign}::int * count(*) FILTER (WHERE t.status = 'SUBMITTED')::int,
      ${sign}::int * count(*) FILTER (WHERE t.status = 'COMPLETED')::int,
      ${sign}::int * count(*) FILTER (WHERE t.status = 'COMPLETED' AND ${ON_TIME})::int,
      ${sign}::int * COALESCE(sum((${countedProgressSql("t.status", "t.progress")})::numeric), 0),
      ${sign}::int * count(*) FILTER (WHERE ${OPEN_TASK} AND t."dueDate" < COALESCE(x."overdueAsOf", '1970-01-01'::date))::int,
      ${sign}::int * count(*) FILTER (WHERE t.light = 'RED')::int,
      ${sign}::int * count(*) FILTER (WHERE t.light = 'YELLOW')::int,
      ${sign}::int * count(*) FILTER (WHERE t.light = 'GREEN')::int
    FROM "Task" t ${ROLLUP_ORGS_OF_T}
    LEFT JOIN "Rollup" x ON x."orgId" = a.org AND x."objectiveId" = t."objectiveId"
    WHERE t.id = ANY(${list}::int[])
    GROUP BY a.org, t."objectiveId", t."mainTaskId"
    ORDER BY a.org, t."objectiveId"
    ON CONFLICT ("orgId", "objectiveId") DO UPDATE SET
      "pendingSign" = r."pendingSign" + EXCLUDED."pendingSign",
      "handedBack" = r."handedBack" + EXCLUDED."handedBack",
      "inProgress" = r."inProgress" + EXCLUDED."inProgress",
      "submitted" = r."submitted" + EXCLUDED."submitted",
      "completed" = r."completed" + EXCLUDED."completed",
      "completedOnTime" = r."completedOnTime" + EXCLUDED."completedOnTime",
      "progressSum" = r."progressSum" + EXCLUDED."progressSum",
      "openDueBefore" = r."openDueBefore" + EXCLUDED."openDueBefore",
      "red" = r."red" + EXCLUDED."red",
      "yellow" = r."yellow" + EXCLUDED."yellow",
      "green" = r."green" + EXCLUDED."green"`;
  await tx.$executeRaw`
    INSERT INTO "RollupDue" AS d ("orgId", "objectiveId", "dueDate", "open")
    SELECT a.org, t."objectiveId", t."dueDate", ${sign}::int * count(*)::int
    FROM "Task" t ${ROLLUP_ORGS_OF_T}
    WHERE t.id = ANY(${list}::int[]) AND ${OPEN_TASK}
    GROUP BY a.org, t."objectiveId", t."dueDate"
    ORDER BY a.org, t."objectiveId", t."dueDate"
    ON CONFLICT ("orgId", "objectiveId", "dueDate") DO UPDATE SET "open" = d."open" + EXCLUDED."open"`;
  // The indicator roll-ups of the same regions (guarded by the Rollup rows locked above).
  await shiftIndicatorRollups(tx, tasksById(list), sign);
  // The reporting calendar's 报送情况 of the same regions (ReportingRollup, after Rollup).
  await shiftReportingRollups(tx, list, sign);
}
