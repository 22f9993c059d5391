import "server-only";
import { getReadDb } from "@/lib/db/read-db";
import { listObjectiveOptions, planScope, type TPlanScope } from "@/features/rollups/server/objective-scope";
import { loadOrgFamily } from "@/features/rollups/server/org-family";
import { sumIndicatorCounts, toIndicatorMetrics } from "../lib/indicator-metrics";
import { readIndicatorFigures, type TIndicatorRow } from "./read-indicators";
import { findScopedIndicators } from "./scoped-indicators";

type TScopeQuery = { plan?: string | null; objective?: string };

/** The measures the completion views count in this scope (every measure of the plan when no objective). */
const scopeMeasures = (s: TPlanScope) =>
  s.measureIds ?? s.inPlan.filter((o) => o.level === "MEASURE").map((o) => o.id);

/** The indicators of the measures in the current plan and objective scope (the selector's options). */
export async function listIndicatorOptions(user: { orgId: number }, q: TScopeQuery) {
  const db = await getReadDb();
  const scope = planScope(await listObjectiveOptions(db), q);
  if (!scope) return [];
  return findScopedIndicators(db, { userOrgId: user.orgId, measureIds: scopeMeasures(scope) });
}

/**
 * One indicator's figures on an org's completion page (like get-completion.ts): the org's region
 * (what its parent's page shows in its row; at the root the sum of the provinces), its own tasks
 * (本级), one row per direct child and the children's total. Null when the org is outside the
 * user's subtree, or the indicator is unknown or outside the plan and objective scope.
 */
export async function getIndicatorCompletion(
  user: { orgId: number },
  q: TScopeQuery & { orgId: number; indicatorId: number },
) {
  const db = await getReadDb();
  const [family, options] = await Promise.all([
    loadOrgFamily(db, user.orgId, q.orgId),
    listObjectiveOptions(db),
  ]);
  const scope = planScope(options, q);
  if (!family || !scope) return null;
  const [indicator] = await findScopedIndicators(db, {
    userOrgId: user.orgId,
    measureIds: scopeMeasures(scope),
    ids: [q.indicatorId],
  });
  if (!indicator) return null;
  const { org, children } = family;
  const isRoot = org.parentId === null;
  const rows = await readIndicatorFigures(db, {
    orgs: isRoot ? children : [...children, org],
    indicator,
    ...(isRoot ? {} : { ownOf: org.id }),
  });
  const metrics = (xs: TIndicatorRow[]) => toIndicatorMetrics(sumIndicatorCounts(xs), indicator.aggregation);
  const childRows = rows.filter((r) => !r.own && r.orgId !== org.id);
  return {
    indicator,
    org,
    /** The org's figures under the counting rule (the root's: the sum of its children). */
    region: metrics(isRoot ? childRows : rows.filter((r) => !r.own && r.orgId === org.id)),
    /** The indicator on the tasks the org holds itself (本级), part of `region`. */
    own: metrics(rows.filter((r) => r.own)),
    children: children.map((c) => ({ ...c, metrics: metrics(childRows.filter((r) => r.orgId === c.id)) })),
    childTotal: metrics(childRows),
  };
}

export type TIndicatorCompletion = NonNullable<Awaited<ReturnType<typeof getIndicatorCompletion>>>;
