import "server-only";
import { getDb } from "@/lib/db/client";
import { chinaToday } from "@/features/tasks/lib/dates";
import { addCounts, emptyCounts, subtractCounts, toMetrics } from "../lib/metrics";
import { listObjectiveOptions, measuresUnder } from "./objective-scope";
import { readRollups, type TRollupRow as TRow } from "./read-rollups";

const sum = (rows: TRow[]) => rows.reduce((acc, r) => addCounts(acc, r), emptyCounts());

/**
 * 完成情况 of an org in the user's scope: one row per direct child org, the org's own
 * tasks (本级), the total, and the total per main task. Everything comes from the
 * maintained roll-ups: the root's total is the sum of its children (it has no rows).
 */
export async function getCompletion(user: { orgId: number }, orgId: number, objectiveCode?: string, today = chinaToday()) {
  const db = getDb();
  // Two round trips: the org (scope check), its children and the objectives side by side; then the
  // breadcrumb and the roll-ups. The children are discarded when the org is out of scope.
  const [org, children, options] = await Promise.all([
    db.org.findFirst({ where: { id: orgId, ancestorIds: { has: user.orgId } }, select: { id: true, name: true, level: true, parentId: true, ancestorIds: true } }),
    db.org.findMany({ where: { parentId: orgId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true, code: true, level: true, regionCode: true } }),
    listObjectiveOptions(),
  ]);
  if (!org) return null;
  const objective = objectiveCode ? (options.find((o) => o.code === objectiveCode) ?? null) : null;
  if (objectiveCode && !objective) return null;
  const mainTasks = options.filter((o) => o.level === "MAIN_TASK");
  const measureIds = objective ? measuresUnder(options, objective.code).map((m) => m.id) : null;
  const isRoot = org.parentId === null;
  // The national view sums the provinces (the root keeps no roll-up rows of its own).
  const [trail, rows] = await Promise.all([
    db.org.findMany({ where: { id: { in: org.ancestorIds } }, select: { id: true, name: true, ancestorIds: true } }),
    readRollups(db, [...children.map((c) => c.id), ...(isRoot ? [] : [org.id])], measureIds, today, isRoot ? "all" : org.id),
  ]);
  const childRows = rows.filter((r) => r.orgId !== org.id || isRoot);
  const selfRows = isRoot ? childRows : rows.filter((r) => r.orgId === org.id);
  const childSum = sum(childRows);
  const own = subtractCounts(sum(selfRows), childSum);
  return {
    org,
    trail: trail.sort((a, b) => a.ancestorIds.length - b.ancestorIds.length).filter((a) => a.ancestorIds.includes(user.orgId)),
    objective,
    children: children.map((c) => ({ ...c, metrics: toMetrics(sum(childRows.filter((r) => r.orgId === c.id))) })),
    own: toMetrics(own),
    total: toMetrics(sum(selfRows)),
    byMainTask: mainTasks.map((m) => ({ ...m, metrics: toMetrics(sum(selfRows.filter((r) => r.mainTaskId === m.id))) })),
  };
}

export type TCompletion = NonNullable<Awaited<ReturnType<typeof getCompletion>>>;
