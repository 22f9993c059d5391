import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ROLLUP_LEVELS } from "@/features/rollups/server/figures";
import type { TOrgRef } from "@/features/rollups/server/read-rollups";
import type { TIndicatorCounts } from "../lib/indicator-metrics";

// No "server-only": the benchmark measures exactly this read path.

export type TIndicatorRow = TIndicatorCounts & { orgId: number; own: boolean };

/** What a group of task rows `t` joined to their indicator rows `ti` adds up to (IndicatorRollup's columns). */
const TASK_FIGURES =
  Prisma.raw(`count(*)::int AS tasks, count(ti.target)::int AS targeted, count(ti.actual)::int AS reported,
      COALESCE(sum(ti.target), 0)::float8 AS "targetSum", COALESCE(sum(ti.actual), 0)::float8 AS "actualSum"`);

export type TReadIndicatorFigures = {
  orgs: TOrgRef[];
  indicator: { id: number; objectiveId: number };
  /** Also the tasks this org holds itself (本级), as a row with `own` true. */
  ownOf?: number;
};

/**
 * The figures of one indicator for some orgs (not the root) under the counting rule, one row per
 * org, in one statement (like read-rollups.ts#readFigures): federations from "IndicatorRollup",
 * branches (which keep no rows) from their own tasks, and optionally the viewed org's own tasks.
 * Task rows are found through the indicator's measure (the task indexes), then their indicator
 * row by its key.
 */
export async function readIndicatorFigures(
  db: Pick<TTx, "$queryRaw">,
  q: TReadIndicatorFigures,
): Promise<TIndicatorRow[]> {
  if (q.orgs.length === 0 && q.ownOf === undefined) return [];
  const { id, objectiveId } = q.indicator;
  const rolled = q.orgs
    .filter((o) => (ROLLUP_LEVELS as readonly string[]).includes(o.level))
    .map((o) => o.id);
  const branches = q.orgs.filter((o) => o.level === "GRASSROOTS");
  const ids = branches.map((o) => o.id);
  // One measure: a probe of the (objectiveId, orgId) key per branch. (A GIN lookup of the county's
  // subtree, as readFigures makes for every measure, let the planner AND it with the whole measure's
  // bitmap: 28 ms instead of 0.5 ms for a county of 100 branches at national size.)
  const branchTasks = Prisma.sql`t."orgId" = ANY(${ids}::int[])`;
  const tasksOf = (where: Prisma.Sql, own: boolean) => Prisma.sql`
    SELECT t."orgId", ${own} AS own, ${TASK_FIGURES}
    FROM "Task" t JOIN "TaskIndicator" ti ON ti."taskId" = t.id AND ti."indicatorId" = ${id}
    WHERE ${where} AND t."objectiveId" = ${objectiveId} AND t.status <> 'CANCELLED'
    GROUP BY t."orgId"`;
  const parts: Prisma.Sql[] = [];
  if (rolled.length)
    parts.push(Prisma.sql`
    SELECT r."orgId", FALSE AS own, r.tasks, r.targeted, r.reported, r."targetSum"::float8 AS "targetSum", r."actualSum"::float8 AS "actualSum"
    FROM "IndicatorRollup" r
    WHERE r."indicatorId" = ${id} AND r."orgId" = ANY(${rolled}::int[])`);
  if (ids.length) parts.push(tasksOf(branchTasks, false));
  if (q.ownOf !== undefined) parts.push(tasksOf(Prisma.sql`t."orgId" = ${q.ownOf}`, true));
  if (parts.length === 0) return [];
  return db.$queryRaw<TIndicatorRow[]>(Prisma.join(parts, " UNION ALL "));
}
