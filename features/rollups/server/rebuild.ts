import type { TDb } from "@/lib/db/client";
import { OPEN_TASK, ROLLUP_ORGS_OF_T, taskFigures } from "./figures";
import { JOIN_SETTING_OF_T, taskRowLightSql } from "@/features/lights/lib/light-sql";

// No "server-only": the benchmark and repair scripts call this.

/**
 * Rebuilds the roll-ups from the task rows, set-based, in one transaction: for bulk loads
 * and repairs. Writers wait for it (the tables are locked), and the watermark is `today`. Rows are
 * written in key order, so that one org's rows share pages.
 */
export async function rebuildRollups(db: TDb, today: Date): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "Rollup", "RollupDue" IN EXCLUSIVE MODE`;
      await tx.$executeRaw`DELETE FROM "RollupDue"`;
      await tx.$executeRaw`DELETE FROM "Rollup"`;
      // Every task's light for `today` (features/lights), then counted below like the other columns.
      await tx.$executeRaw`
      UPDATE "Task" x SET light = n.new
      FROM (SELECT t.id, ${taskRowLightSql(today)} AS new FROM "Task" t ${JOIN_SETTING_OF_T}) n
      WHERE x.id = n.id AND x.light IS DISTINCT FROM n.new`;
      // taskFigures ends with the tasks overdue today (below the watermark `today`, that is
      // openDueBefore) and the lights just set.
      await tx.$executeRaw`
      INSERT INTO "Rollup" ("orgId", "objectiveId", "mainTaskId", "overdueAsOf", "pendingSign", "handedBack",
        "inProgress", "submitted", "completed", "completedOnTime", "progressSum", "openDueBefore", "red", "yellow", "green")
      SELECT a.org, t."objectiveId", min(t."mainTaskId"), ${today}::date, ${taskFigures(today)}
      FROM "Task" t ${ROLLUP_ORGS_OF_T}
      GROUP BY a.org, t."objectiveId"
      HAVING count(*) FILTER (WHERE t.status <> 'CANCELLED') > 0
      ORDER BY a.org, t."objectiveId"`;
      await tx.$executeRaw`
      INSERT INTO "RollupDue" ("orgId", "objectiveId", "dueDate", "open")
      SELECT a.org, t."objectiveId", t."dueDate", count(*)
      FROM "Task" t ${ROLLUP_ORGS_OF_T}
      WHERE ${OPEN_TASK}
      GROUP BY a.org, t."objectiveId", t."dueDate"
      ORDER BY a.org, t."objectiveId", t."dueDate"`;
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
}
