import "server-only";
import { getDb } from "@/lib/db/client";
import { chinaToday } from "@/features/tasks/lib/dates";
import { addCounts, emptyCounts, subtractCounts, toMetrics } from "../lib/metrics";
import { listObjectiveOptions, measuresUnder } from "./objective-scope";
import { loadOrgFamily } from "./org-family";
import { readFigures, type TRollupRow as TRow } from "./read-rollups";

const sum = (rows: TRow[]) => rows.reduce((acc, r) => addCounts(acc, r), emptyCounts());

/**
 * 完成情况 of an org in the user's scope: one row per direct child org, the org's own
 * tasks (本级), the total, and the total per main task. Federations' figures come from the
 * maintained roll-ups (the root's total is the sum of its children: it has no rows), a branch's
 * from its own tasks.
 */
export async function getCompletion(
  user: { orgId: number },
  orgId: number,
  objectiveCode?: string,
  today = chinaToday(),
) {
  const db = getDb();
  // Two round trips: the org (scope check) with its children and breadcrumb; then the figures.
  const [family, options] = await Promise.all([
    loadOrgFamily(db, user.orgId, orgId),
    listObjectiveOptions(db),
  ]);
  if (!family) return null;
  const { org, children, trail } = family;
  const objective = objectiveCode ? (options.find((o) => o.code === objectiveCode) ?? null) : null;
  if (objectiveCode && !objective) return null;
  const mainTasks = options.filter((o) => o.level === "MAIN_TASK");
  const measureIds = objective ? measuresUnder(options, objective.code).map((m) => m.id) : null;
  const isRoot = org.parentId === null;
  // The national view sums the provinces (the root keeps no roll-up rows of its own).
  const rows = await readFigures(
    db,
    isRoot ? children : [...children, org],
    measureIds,
    today,
    isRoot ? "all" : org.id,
  );
  const childRows = rows.filter((r) => r.orgId !== org.id || isRoot);
  const byChild = new Map<number, TRow[]>();
  for (const r of childRows) byChild.set(r.orgId, [...(byChild.get(r.orgId) ?? []), r]);
  const selfRows = isRoot ? childRows : rows.filter((r) => r.orgId === org.id);
  const childSum = sum(childRows);
  const own = subtractCounts(sum(selfRows), childSum);
  return {
    org,
    trail,
    objective,
    children: children.map((c) => ({ ...c, metrics: toMetrics(sum(byChild.get(c.id) ?? [])) })),
    own: toMetrics(own),
    total: toMetrics(sum(selfRows)),
    byMainTask: mainTasks.map((m) => ({
      ...m,
      metrics: toMetrics(sum(selfRows.filter((r) => r.mainTaskId === m.id))),
    })),
  };
}

export type TCompletion = NonNullable<Awaited<ReturnType<typeof getCompletion>>>;
