import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ROLLUP_ORGS_OF_T } from "@/features/rollups/server/figures";
import {
  JOIN_SETTING_OF_T,
  lightMoveSql,
  lightSql,
  SETTING_N,
  SETTING_X,
} from "@/features/lights/lib/light-sql";

// No "server-only": close-period.ts (the job, the benchmark, the tests) calls this.

const moved = (colour: "RED" | "YELLOW" | "GREEN") =>
  Prisma.sql`sum(${lightMoveSql(colour, Prisma.sql`t.old`, Prisma.sql`t.new`)})::int`;

/**
 * The close's flag step: the tasks `missingOf` (a condition over task row `t`) whose reportFlag is
 * not MISSING yet and that have no report of a period due after `dueDate` get reportFlag MISSING
 * and their light for `today` under the new flag (light.ts's rule, light-sql.ts), and the Rollup
 * red/yellow/green of their regions move by the differences — one statement, one write per task.
 * It is relightTasks (features/lights/server/relight.ts) with the flag set in the same UPDATE: the
 * tasks are locked in ascending id, then the Rollup rows in ascending (org, measure), as there.
 * Returns how many tasks changed light.
 */
export async function markMissing(
  tx: Pick<TTx, "$queryRaw">,
  x: { missingOf: Prisma.Sql; dueDate: Date; today: Date },
): Promise<number> {
  const light = lightSql({
    status: Prisma.sql`t.status`,
    dueDate: Prisma.sql`t."dueDate"`,
    createdAt: Prisma.sql`t."createdAt"`,
    progress: Prisma.sql`t.progress`,
    reportFlag: Prisma.sql`'MISSING'::"ReportFlag"`,
    dueSoonDays: SETTING_N,
    lagPoints: SETTING_X,
    today: Prisma.sql`${x.today}::date`,
  });
  const rows = await tx.$queryRaw<{ relit: number }[]>`
    WITH chg AS MATERIALIZED (
      SELECT t.id, t.light AS old, ${light} AS new, t."orgPath", t."countFrom", t."objectiveId", t."mainTaskId"
      FROM "Task" t ${JOIN_SETTING_OF_T}
      WHERE ${x.missingOf} AND t."reportFlag" <> 'MISSING'
        AND NOT EXISTS (SELECT 1 FROM "PeriodReport" y JOIN "ReportingPeriod" yp ON yp.id = y."periodId"
          WHERE y."taskId" = t.id AND yp."dueDate" > ${x.dueDate}::date)
      ORDER BY t.id FOR UPDATE OF t),
    upd AS (UPDATE "Task" u SET "reportFlag" = 'MISSING', light = chg.new FROM chg WHERE u.id = chg.id RETURNING u.id),
    roll AS (
      INSERT INTO "Rollup" AS r ("orgId", "objectiveId", "mainTaskId", "red", "yellow", "green")
      SELECT a.org, t."objectiveId", min(t."mainTaskId"), ${moved("RED")}, ${moved("YELLOW")}, ${moved("GREEN")}
      FROM chg t ${ROLLUP_ORGS_OF_T}
      WHERE t.old IS DISTINCT FROM t.new
      GROUP BY a.org, t."objectiveId"
      ORDER BY a.org, t."objectiveId"
      ON CONFLICT ("orgId", "objectiveId") DO UPDATE SET
        "red" = r."red" + EXCLUDED."red",
        "yellow" = r."yellow" + EXCLUDED."yellow",
        "green" = r."green" + EXCLUDED."green"
      RETURNING 1)
    SELECT (SELECT count(*) FROM chg WHERE old IS DISTINCT FROM new)::int AS relit,
      (SELECT count(*) FROM upd)::int AS flagged, (SELECT count(*) FROM roll)::int AS rows`;
  return rows[0]?.relit ?? 0;
}
