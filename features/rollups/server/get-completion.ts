import "server-only";
import { getDb } from "@/lib/db/client";
import { chinaToday } from "@/features/tasks/lib/dates";
import { addCounts, emptyCounts, subtractCounts, toMetrics } from "../lib/metrics";
import { readRollups, type TRollupRow as TRow } from "./read-rollups";

const sum = (rows: TRow[]) => rows.reduce((acc, r) => addCounts(acc, r), emptyCounts());

/**
 * 完成情况 of an org in the user's scope: one row per direct child org, the org's own
 * tasks (本级), the total, and the total per main task. Everything comes from the
 * maintained roll-ups: the root's total is the sum of its children (it has no rows).
 */
export async function getCompletion(user: { orgId: number }, orgId: number, objectiveCode?: string, today = chinaToday()) {
  const db = getDb();
  const org = await db.org.findFirst({ where: { id: orgId, ancestorIds: { has: user.orgId } }, select: { id: true, name: true, level: true, parentId: true, ancestorIds: true } });
  if (!org) return null;
  const [children, trail, objective, mainTasks] = await Promise.all([
    db.org.findMany({ where: { parentId: org.id }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true, code: true, level: true } }),
    db.org.findMany({ where: { id: { in: org.ancestorIds } }, select: { id: true, name: true, ancestorIds: true } }),
    objectiveCode ? db.objective.findUnique({ where: { code: objectiveCode }, select: { id: true, code: true, title: true, level: true } }) : null,
    db.objective.findMany({ where: { level: "MAIN_TASK" }, orderBy: { sortOrder: "asc" }, select: { id: true, code: true, title: true } }),
  ]);
  const measureIds = objective
    ? (await db.objective.findMany({ where: { level: "MEASURE", OR: [{ code: objective.code }, { code: { startsWith: `${objective.code}.` } }] }, select: { id: true } })).map((m) => m.id)
    : null;
  const isRoot = org.parentId === null;
  const rows = await readRollups(db, [...children.map((c) => c.id), ...(isRoot ? [] : [org.id])], measureIds, today);
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
