import type { TDb } from "@/lib/db/client";
import { ON_TIME } from "@/features/rollups/server/recompute";
import type { TRollupRow } from "@/features/rollups/server/read-rollups";
import type { TTarget } from "./targets";

// The naive completion view: the same rows as readRollups (per child org and main task, plus
// the org's own subtree total per main task unless it is the root), recomputed from the task
// rows of the subtree (`orgPath @> ARRAY[id]`, the GIN index) on every request.
const COUNTS = `
  count(*) FILTER (WHERE t.status = 'PENDING_SIGN')::int AS "pendingSign",
  count(*) FILTER (WHERE t.status = 'HANDED_BACK')::int AS "handedBack",
  count(*) FILTER (WHERE t.status = 'IN_PROGRESS')::int AS "inProgress",
  count(*) FILTER (WHERE t.status = 'SUBMITTED')::int AS "submitted",
  count(*) FILTER (WHERE t.status = 'COMPLETED')::int AS "completed",
  count(*) FILTER (WHERE t.status = 'COMPLETED' AND ${ON_TIME})::int AS "completedOnTime",
  COALESCE(sum(CASE WHEN t.status = 'COMPLETED' THEN 100 WHEN t.status = 'CANCELLED' THEN 0 ELSE t.progress END), 0)::float8 AS "progressSum",
  count(*) FILTER (WHERE t.status IN ('PENDING_SIGN', 'HANDED_BACK', 'IN_PROGRESS', 'SUBMITTED') AND t."dueDate" < $2::date)::int AS "overdue"`;

// orgPath[depth + 2] is the child of the viewed org the task lies under (NULL: the org's own task).
const CHILDREN_ONLY = `
  SELECT c.child AS "orgId", t."mainTaskId", ${COUNTS}
  FROM "Task" t CROSS JOIN LATERAL (SELECT t."orgPath"[$3::int + 2] AS child) c
  WHERE t."orgPath" @> ARRAY[$1::int]
  GROUP BY c.child, t."mainTaskId" HAVING c.child IS NOT NULL`;

const WITH_SELF = `
  SELECT COALESCE(c.child, $1::int) AS "orgId", t."mainTaskId", ${COUNTS}
  FROM "Task" t CROSS JOIN LATERAL (SELECT t."orgPath"[$3::int + 2] AS child) c
  WHERE t."orgPath" @> ARRAY[$1::int]
  GROUP BY GROUPING SETS ((c.child, t."mainTaskId"), (t."mainTaskId"))
  HAVING GROUPING(c.child) = 1 OR c.child IS NOT NULL`;

export function naiveCompletion(db: TDb, org: TTarget, today: Date): Promise<TRollupRow[]> {
  return db.$queryRawUnsafe<TRollupRow[]>(org.isRoot ? CHILDREN_ONLY : WITH_SELF, org.id, today, org.depth);
}
