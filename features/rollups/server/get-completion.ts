import "server-only";
import type { TDb } from "@/lib/db/client";
import { getReadDb } from "@/lib/db/read-db";
import { chinaToday } from "@/lib/dates";
import { addCounts, emptyCounts, toMetrics } from "../lib/metrics";
import { listObjectiveOptions, planScope } from "./objective-scope";
import { loadOrgFamily } from "./org-family";
import { readFigures, type TRollupRow as TRow } from "./read-rollups";

const sum = (rows: TRow[]) => rows.reduce((acc, r) => addCounts(acc, r), emptyCounts());

/**
 * 完成情况 of an org in the user's scope: one row per direct child org, the org's own
 * tasks (本级), the total, and the total per main task. Federations' figures come from the
 * maintained roll-ups (the root's total is the sum of its children: it has no rows), a branch's
 * from its own tasks. `plan` (a code prefix) limits everything to that plan's measures (the
 * caller resolves the current plan); `objective` must then lie inside it. Read from the replica when
 * one is configured (lib/db/read-db.ts) unless the caller passes `db` (pages outside the completion views).
 */
export async function getCompletion(
  user: { orgId: number },
  q: { orgId: number; objective?: string; plan?: string | null; today?: Date; regionOnly?: boolean },
  opts: { db?: TDb } = {},
) {
  const { orgId, objective: objectiveCode, today = chinaToday() } = q;
  const db = opts.db ?? (await getReadDb());
  // Two round trips: the org (scope check) with its children and breadcrumb; then the figures.
  const [family, options] = await Promise.all([
    loadOrgFamily(db, user.orgId, orgId),
    listObjectiveOptions(db),
  ]);
  if (!family) return null;
  const { org, children, trail } = family;
  const scope = planScope(options, { plan: q.plan, objective: objectiveCode });
  if (!scope) return null;
  const { objective, measureIds } = scope;
  const mainTasks = scope.inPlan.filter((o) => o.level === "MAIN_TASK");
  const isRoot = org.parentId === null;
  // The national figures are the sum of the provinces (the root keeps no roll-up rows and holds no tasks).
  // regionOnly: only `region` is wanted, which for any org but the root is its own row.
  const rows = await readFigures(db, {
    orgs: isRoot ? children : q.regionOnly ? [org] : [...children, org],
    measureIds,
    today,
    perMainTask: isRoot ? "all" : org.id,
    ...(isRoot ? {} : { ownOf: org.id }),
  });
  const childRows = rows.filter((r) => !r.own && r.orgId !== org.id);
  const byChild = new Map<number, TRow[]>();
  for (const r of childRows) byChild.set(r.orgId, [...(byChild.get(r.orgId) ?? []), r]);
  const regionRows = isRoot ? childRows : rows.filter((r) => !r.own && r.orgId === org.id);
  return {
    org,
    trail,
    objective,
    /** The org's figures under the chain rule: what its parent's page shows in its row. */
    region: toMetrics(sum(regionRows)),
    /** The tasks the org holds itself (本级), part of `region`. */
    own: toMetrics(sum(rows.filter((r) => r.own))),
    children: children.map((c) => ({ ...c, metrics: toMetrics(sum(byChild.get(c.id) ?? [])) })),
    /** The sum of the children's figures; it differs from `region` when the org passed tasks down. */
    childTotal: toMetrics(sum(childRows)),
    byMainTask: mainTasks.map((m) => ({
      ...m,
      metrics: toMetrics(sum(regionRows.filter((r) => r.mainTaskId === m.id))),
    })),
  };
}

export type TCompletion = NonNullable<Awaited<ReturnType<typeof getCompletion>>>;
