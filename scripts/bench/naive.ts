import type { TDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { taskInScopeSql } from "@/lib/auth/scope";
import { taskFigures } from "@/features/rollups/server/figures";
import type { TRollupRow } from "@/features/rollups/server/read-rollups";
import type { TTarget } from "./targets";

// The naive completion view: the same rows as readFigures (per child org and main task, plus
// the org's own subtree total per main task unless it is the root), recomputed from the task
// rows of the subtree (`orgPath @> ARRAY[id]`, the GIN index) on every request.
// orgPath[depth + 2] is the child of the viewed org the task lies under (NULL: the org's own task).
export function naiveCompletion(db: TDb, org: TTarget, today: Date): Promise<TRollupRow[]> {
  const child = Prisma.sql`CROSS JOIN LATERAL (SELECT t."orgPath"[${org.depth}::int + 2] AS child) c WHERE ${taskInScopeSql("t", org.id)}`;
  return db.$queryRaw<TRollupRow[]>(
    org.isRoot
      ? Prisma.sql`
      SELECT c.child AS "orgId", t."mainTaskId", ${taskFigures(today)}
      FROM "Task" t ${child}
      GROUP BY c.child, t."mainTaskId" HAVING c.child IS NOT NULL`
      : Prisma.sql`
      SELECT COALESCE(c.child, ${org.id}::int) AS "orgId", t."mainTaskId", ${taskFigures(today)}
      FROM "Task" t ${child}
      GROUP BY GROUPING SETS ((c.child, t."mainTaskId"), (t."mainTaskId"))
      HAVING GROUPING(c.child) = 1 OR c.child IS NOT NULL`,
  );
}
