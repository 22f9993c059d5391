import type { TTx } from "@/lib/db/client";
import { openStatusSql } from "@/lib/task-status-sql";
import { ROLLUP_ORGS_OF_T } from "@/features/rollups/server/figures";
import { TASK_CREATED_DAY } from "./owing";

// No "server-only": shift-tasks.ts (tree changes) and the tests call this.

/**
 * Takes the tasks `ids` out of (−1) or puts them into (+1) the ReportingRollup rows of the regions
 * they count in, as their rows stand now (features/rollups/server/shift-tasks.ts calls it with the
 * other roll-ups, around a tree change): every PeriodReport of the task (due and its status), and
 * every OPEN period it owes without a report yet (due; owing.ts). One upsert, rows in ascending
 * (org, period), after the Rollup rows (the order of the change statement).
 */
export async function shiftReportingRollups(
  tx: Pick<TTx, "$executeRaw">,
  ids: readonly number[],
  sign: 1 | -1,
) {
  if (ids.length === 0) return;
  const list = [...ids];
  await tx.$executeRaw`
    INSERT INTO "ReportingRollup" AS rr ("orgId", "periodId", due, "onTime", late, missing)
    SELECT a.org, z.pid, ${sign}::int * count(*)::int,
      ${sign}::int * count(*) FILTER (WHERE z.s = 'ON_TIME')::int,
      ${sign}::int * count(*) FILTER (WHERE z.s = 'LATE')::int,
      ${sign}::int * count(*) FILTER (WHERE z.s = 'MISSING')::int
    FROM (
      SELECT x."taskId" AS tid, x."periodId" AS pid, x.status::text AS s
      FROM "PeriodReport" x WHERE x."taskId" = ANY(${list}::int[])
      UNION ALL
      SELECT t.id, p.id, NULL
      FROM "Task" t JOIN "Objective" ob ON ob.id = t."objectiveId"
      JOIN "ReportingRule" r ON (r."objectiveId" = t."objectiveId" OR r."planId" = ob."planId" OR r."batchId" = ANY(t."batchPath"))
      JOIN "ReportingPeriod" p ON p."ruleId" = r.id AND p.status = 'OPEN' AND p."startDate" > ${TASK_CREATED_DAY}
      WHERE t.id = ANY(${list}::int[]) AND ${openStatusSql("t.status")}
        AND NOT EXISTS (SELECT 1 FROM "PeriodReport" y WHERE y."periodId" = p.id AND y."taskId" = t.id)
    ) z JOIN "Task" t ON t.id = z.tid ${ROLLUP_ORGS_OF_T}
    GROUP BY a.org, z.pid ORDER BY a.org, z.pid
    ON CONFLICT ("orgId", "periodId") DO UPDATE SET
      due = rr.due + EXCLUDED.due, "onTime" = rr."onTime" + EXCLUDED."onTime",
      late = rr.late + EXCLUDED.late, missing = rr.missing + EXCLUDED.missing`;
}
