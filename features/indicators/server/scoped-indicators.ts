import type { TDb, TTx } from "@/lib/db/client";
import type { TAggregation, TDirection } from "../lib/indicator-metrics";

// No "server-only": the benchmark resolves indicators through this too.

export type TScopedIndicator = {
  id: number;
  objectiveId: number;
  name: string;
  unit: string;
  aggregation: TAggregation;
  direction: TDirection;
  retired: boolean;
  measureCode: string;
  measureTitle: string;
};

/**
 * The indicators of some measures whose plan the user may look at, in the query: the plan's
 * issuer is the user's org, an ancestor of it, or inside its subtree (another province's plan is
 * never found). `ids`: only these indicators (a lookup). The callers pass the measures of the
 * current plan and objective scope (objective-scope.ts#planScope), so an indicator outside the
 * scope is not found either.
 */
export async function findScopedIndicators(
  db: Pick<TDb | TTx, "$queryRaw">,
  q: { userOrgId: number; measureIds: number[]; ids?: number[] },
): Promise<TScopedIndicator[]> {
  if (q.measureIds.length === 0) return [];
  return db.$queryRaw<TScopedIndicator[]>`
    SELECT i.id, i."objectiveId", i.name, i.unit, i.aggregation::text AS aggregation, i.direction::text AS direction,
      i."retiredAt" IS NOT NULL AS retired, o.code AS "measureCode", o.title AS "measureTitle"
    FROM "Indicator" i
    JOIN "Objective" o ON o.id = i."objectiveId"
    JOIN "Plan" p ON p.id = o."planId"
    JOIN "Org" io ON io.id = p."issuingOrgId"
    JOIN "Org" u ON u.id = ${q.userOrgId}
    WHERE i."objectiveId" = ANY(${q.measureIds}::int[])
      AND (${q.ids ?? null}::int[] IS NULL OR i.id = ANY(${q.ids ?? null}::int[]))
      AND (io."ancestorIds" @> ARRAY[u.id] OR u."ancestorIds" @> ARRAY[io.id])
    ORDER BY o.code, i."sortOrder", i.id`;
}
