import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaToday } from "@/lib/dates";
import { openStatusSql } from "@/lib/task-status-sql";
import { ROLLUP_ORGS_OF_T } from "@/features/rollups/server/figures";
import { JOIN_SETTING_OF_T, lightMoveSql, taskRowLightSql } from "../lib/light-sql";

// No "server-only": the scheduled jobs, the benchmark and the tests call this too.

const moved = (colour: "RED" | "YELLOW" | "GREEN") =>
  Prisma.sql`sum(${lightMoveSql(colour, Prisma.sql`t.old`, Prisma.sql`t.new`)})::int`;

/**
 * Relights the task rows matching `where` (over task row `t`) as they stand, for day `today`, and
 * moves the Rollup red/yellow/green counts of the regions they count in by the differences, in
 * one statement: only the tasks whose light changes are locked (ascending id, the order of the
 * chain locks) and written, then their regions' rows in ascending (org, measure), the order every
 * writer uses. The recheck of a row locked meanwhile sees its committed state. Returns how many
 * tasks changed.
 */
export async function relightWhere(
  tx: Pick<TTx, "$queryRaw">,
  where: Prisma.Sql,
  today: Date,
): Promise<number> {
  const light = taskRowLightSql(today);
  const rows = await tx.$queryRaw<{ changed: number }[]>`
    WITH chg AS MATERIALIZED (
      SELECT t.id, t.light AS old, ${light} AS new, t."orgPath", t."countFrom", t."objectiveId", t."mainTaskId"
      FROM "Task" t ${JOIN_SETTING_OF_T}
      WHERE ${where} AND (${openStatusSql("t.status")} OR t.light IS NOT NULL)
        AND ${light} IS DISTINCT FROM t.light
      ORDER BY t.id FOR UPDATE OF t),
    upd AS (UPDATE "Task" x SET light = chg.new FROM chg WHERE x.id = chg.id RETURNING x.id),
    roll AS (
      INSERT INTO "Rollup" AS r ("orgId", "objectiveId", "mainTaskId", "red", "yellow", "green")
      SELECT a.org, t."objectiveId", min(t."mainTaskId"), ${moved("RED")}, ${moved("YELLOW")}, ${moved("GREEN")}
      FROM chg t ${ROLLUP_ORGS_OF_T}
      GROUP BY a.org, t."objectiveId"
      ORDER BY a.org, t."objectiveId"
      ON CONFLICT ("orgId", "objectiveId") DO UPDATE SET
        "red" = r."red" + EXCLUDED."red",
        "yellow" = r."yellow" + EXCLUDED."yellow",
        "green" = r."green" + EXCLUDED."green"
      RETURNING 1)
    SELECT (SELECT count(*) FROM upd)::int AS changed, (SELECT count(*) FROM roll)::int AS rows`;
  return rows[0]?.changed ?? 0;
}

/**
 * Recomputes the 红黄绿灯 of the tasks `ids` (as their rows stand now: status, due date, progress,
 * reportFlag, the assigning federation's WarningSetting, today in China) and moves the Rollup
 * red/yellow/green counts of the regions they count in by the difference, in the caller's
 * transaction. The reporting calendar calls it after it changes `Task.reportFlag`. Returns how
 * many tasks changed light.
 */
export async function relightTasks(
  tx: TTx,
  ids: readonly number[],
  today: Date = chinaToday(),
): Promise<number> {
  if (ids.length === 0) return 0;
  return relightWhere(tx, Prisma.sql`t.id = ANY(${[...ids]}::int[])`, today);
}

/** After a federation changed its WarningSetting: relights the open tasks it assigned (reviewOrgId). */
export async function relightAssignedBy(tx: TTx, orgId: number, today: Date = chinaToday()): Promise<number> {
  return relightWhere(tx, Prisma.sql`t."reviewOrgId" = ${orgId}`, today);
}

/**
 * Sets the lights of tasks that are OUT of the roll-ups at the moment (a tree change between
 * shiftTasksInRollups −1 and +1): no counts move here; the +1 counts the new lights.
 */
export async function setLightsOutsideRollups(
  tx: Pick<TTx, "$executeRaw">,
  ids: readonly number[],
  today: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Task" x SET light = n.new
    FROM (SELECT t.id, ${taskRowLightSql(today)} AS new FROM "Task" t ${JOIN_SETTING_OF_T}
          WHERE t.id = ANY(${[...ids]}::int[])) n
    WHERE x.id = n.id AND x.light IS DISTINCT FROM n.new`;
}
