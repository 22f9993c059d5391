import type { TDb } from "@/lib/db/client";
import { log, timed } from "./stats";

// indicator_drift: IndicatorRollup against a naive recount from the task rows, inside PostgreSQL
// (a symmetric EXCEPT). The recount implements the counting rule independently of figures.ts:
// it walks the org tree through "Org"."parentId" and the chain through "Task"."parentTaskId" (a
// task counts in region R when its holder is in R and its parent task's holder is not), as
// features/rollups/server/recompute.ts does for the task figures. All-zero rows count as absent.
const DRIFT_SQL = `
  WITH RECURSIVE closure AS (
    SELECT id AS org, id AS anc FROM "Org"
    UNION ALL
    SELECT c.org, o."parentId" FROM closure c JOIN "Org" o ON o.id = c.anc WHERE o."parentId" IS NOT NULL
  ), rec AS MATERIALIZED (
    SELECT c.anc AS "orgId", ti."indicatorId", count(*)::int AS tasks,
      count(*) FILTER (WHERE ti.target IS NOT NULL)::int AS targeted,
      count(*) FILTER (WHERE ti.actual IS NOT NULL)::int AS reported,
      round(COALESCE(sum(ti.target), 0), 6) AS "targetSum", round(COALESCE(sum(ti.actual), 0), 6) AS "actualSum"
    FROM "TaskIndicator" ti
    JOIN "Task" t ON t.id = ti."taskId" AND t.status <> 'CANCELLED'
    LEFT JOIN "Task" p ON p.id = t."parentTaskId"
    JOIN closure c ON c.org = t."orgId"
    JOIN "Org" ro ON ro.id = c.anc AND ro.level IN ('PROVINCE', 'CITY', 'COUNTY')
    WHERE p.id IS NULL OR NOT EXISTS (SELECT 1 FROM closure pc WHERE pc.org = p."orgId" AND pc.anc = c.anc)
    GROUP BY 1, 2
  ), mnt AS MATERIALIZED (
    SELECT "orgId", "indicatorId", tasks, targeted, reported, round("targetSum", 6) AS "targetSum", round("actualSum", 6) AS "actualSum"
    FROM "IndicatorRollup"
    WHERE tasks <> 0 OR targeted <> 0 OR reported <> 0 OR "targetSum" <> 0 OR "actualSum" <> 0
  ), diff AS ((SELECT * FROM rec EXCEPT SELECT * FROM mnt) UNION ALL (SELECT * FROM mnt EXCEPT SELECT * FROM rec))
  SELECT (SELECT count(*) FROM rec)::int AS rows, count(DISTINCT ("orgId", "indicatorId"))::int AS drift FROM diff`;

export async function checkIndicatorDrift(db: TDb): Promise<{ rows: number; drift: number }> {
  const [t, [r]] = await timed(() =>
    db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL work_mem = '1GB'`);
        return tx.$queryRawUnsafe<{ rows: number; drift: number }[]>(DRIFT_SQL);
      },
      { timeout: 3_600_000 },
    ),
  );
  log(
    `indicator drift check: ${r!.drift} of ${r!.rows} (org, indicator) rows differ from a recount (${(t / 1000).toFixed(1)} s)`,
  );
  return r!;
}
