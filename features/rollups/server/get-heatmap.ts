import "server-only";
import { getReadDb } from "@/lib/db/read-db";
import { chinaToday } from "@/lib/dates";
import { addCounts, emptyCounts, toMetrics, type TMetrics } from "../lib/metrics";
import { listObjectiveOptions, measuresUnder, planScope, type TObjectiveOption } from "./objective-scope";
import { loadOrgFamily } from "./org-family";
import { readFigures, readFiguresByMeasure } from "./read-rollups";

/**
 * The heatmap of an org: its child regions × columns, coloured by completion rate. Columns are
 * the main tasks, the sub-items of a chosen main task, the measures of a chosen sub-item, or one measure.
 * Only children with tasks appear. Null when the org is outside the user's subtree.
 */
export async function getHeatmap(
  user: { orgId: number },
  q: { orgId: number; objective?: string; plan?: string | null; today?: Date },
) {
  const { orgId, objective: objectiveCode, today = chinaToday() } = q;
  const db = await getReadDb();
  const [family, options] = await Promise.all([
    loadOrgFamily(db, user.orgId, orgId),
    listObjectiveOptions(db),
  ]);
  if (!family) return null;
  const { children } = family;
  const scope = planScope(options, { plan: q.plan, objective: objectiveCode });
  if (!scope) return null;
  const chosen = scope.objective;
  const columns: TObjectiveOption[] = !chosen
    ? scope.inPlan.filter((o) => o.level === "MAIN_TASK")
    : chosen.level === "MEASURE"
      ? [chosen]
      : options.filter((o) => o.parentId === chosen.id);
  const columnOf = new Map<number, number>();
  // Unscoped, the columns are the main tasks: the roll-ups are summed per main task in SQL (31
  // provinces × 6 rows instead of × every measure). Scoped, per measure under the chosen objective.
  const rows = chosen
    ? await readFiguresByMeasure(db, {
        orgs: children,
        measureIds: measuresUnder(options, chosen.code).map((m) => m.id),
        today,
      })
    : (
        await readFigures(db, { orgs: children, measureIds: scope.measureIds, today, perMainTask: "all" })
      ).map((r) => ({
        ...r,
        objectiveId: r.mainTaskId ?? 0,
      }));
  if (chosen)
    for (const c of columns) for (const m of measuresUnder(options, c.code)) columnOf.set(m.id, c.id);
  else for (const c of columns) columnOf.set(c.id, c.id);
  const cells = new Map<string, ReturnType<typeof emptyCounts>>();
  for (const r of rows) {
    const col = columnOf.get(r.objectiveId);
    if (col === undefined) continue;
    const k = `${r.orgId}:${col}`;
    cells.set(k, addCounts(cells.get(k) ?? emptyCounts(), r));
  }
  // Children with tasks (not only cancelled ones), whether their figures come from roll-ups or from their tasks.
  const withTasks = new Set(rows.filter((r) => toMetrics(r).total > 0).map((r) => r.orgId));
  return {
    columns: columns.map((c) => ({ id: c.id, code: c.code, title: c.title, level: c.level })),
    rows: children
      .filter((c) => withTasks.has(c.id))
      .map((c) => ({
        ...c,
        cells: columns.map((col): TMetrics | null => {
          const x = cells.get(`${c.id}:${col.id}`);
          return x ? toMetrics(x) : null;
        }),
      })),
  };
}

export type THeatmap = NonNullable<Awaited<ReturnType<typeof getHeatmap>>>;
