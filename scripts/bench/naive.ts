import type { TDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { taskInScopeSql } from "@/lib/auth/scope";
import { taskFigures } from "@/features/rollups/server/figures";
import type { TRollupRow } from "@/features/rollups/server/read-rollups";
import type { TTarget } from "./targets";

// The naive completion view: the same rows as readFigures (per child org and main task, plus
// the org's own region per main task unless it is the root), recomputed from the task rows of the
// subtree (`orgPath @> ARRAY[id]`, the GIN index) on every request. orgPath[depth + 2] is the child
// of the viewed org the task lies under; under the counting rule a task counts in the org at
// 0-based path index k when countFrom <= k (the child: depth + 1, the org itself: depth).
export function naiveCompletion(db: TDb, org: TTarget, today: Date): Promise<TRollupRow[]> {
  const children = Prisma.sql`
      SELECT c.child AS "orgId", t."mainTaskId", ${taskFigures(today)}
      FROM "Task" t CROSS JOIN LATERAL (SELECT t."orgPath"[${org.depth}::int + 2] AS child) c
      WHERE ${taskInScopeSql("t", org.id)} AND t."countFrom" <= ${org.depth}::int + 1
      GROUP BY c.child, t."mainTaskId" HAVING c.child IS NOT NULL`;
  return db.$queryRaw<TRollupRow[]>(
    org.isRoot
      ? children
      : Prisma.sql`${children}
      UNION ALL
      SELECT ${org.id}::int, t."mainTaskId", ${taskFigures(today)}
      FROM "Task" t
      WHERE ${taskInScopeSql("t", org.id)} AND t."countFrom" <= ${org.depth}::int
      GROUP BY t."mainTaskId"`,
  );
}
