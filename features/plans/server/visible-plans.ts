import "server-only";
import { getDb, type TDb, type TTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPermission } from "@/lib/auth/permissions";

/** Who looks at plans: the user's org and permissions (a session user fits). */
export type TPlanViewer = { orgId: number; permissions: ReadonlySet<TPermission> };

type TReader = TDb | TTx;

/**
 * The one visibility rule of plans, in the query: a plan issued by the user's own org or an
 * ancestor of it (a county sees the national report and its province's 工作要点), and, for plan
 * managers (`plan:manage`), a plan issued anywhere inside their subtree. Read once per call: the
 * user's org path (root … self) from `Org.ancestorIds`.
 */
export async function visiblePlanWhere(
  viewer: TPlanViewer,
  db: TReader = getDb(),
): Promise<{ where: Prisma.PlanWhereInput; orgDepth: number }> {
  const org = await db.org.findUnique({
    where: { id: viewer.orgId },
    select: { ancestorIds: true, depth: true },
  });
  if (!org) return { where: { id: { in: [] } }, orgDepth: 0 };
  const or: Prisma.PlanWhereInput[] = [{ issuingOrgId: { in: org.ancestorIds } }];
  if (viewer.permissions.has("plan:manage")) or.push({ issuingOrg: { ancestorIds: { has: viewer.orgId } } });
  return { where: { OR: or }, orgDepth: org.depth };
}

export const PLAN_SELECT = {
  id: true,
  codePrefix: true,
  title: true,
  kind: true,
  periodStart: true,
  periodEnd: true,
  issuingOrg: { select: { id: true, name: true, depth: true, ancestorIds: true } },
} as const satisfies Prisma.PlanSelect;

export type TVisiblePlan = Prisma.PlanGetPayload<{ select: typeof PLAN_SELECT }>;

/** The plans the viewer sees, most recent first, and the depth of the viewer's org. */
export async function listVisiblePlans(
  viewer: TPlanViewer,
  db: TReader = getDb(),
): Promise<{ plans: TVisiblePlan[]; orgDepth: number }> {
  const { where, orgDepth } = await visiblePlanWhere(viewer, db);
  const plans = await db.plan.findMany({
    where,
    select: PLAN_SELECT,
    orderBy: [{ periodStart: "desc" }, { id: "desc" }],
  });
  return { plans, orgDepth };
}

/** Live (not retired) measures per plan, for the plan list. */
export async function countLiveMeasures(
  planIds: number[],
  db: TReader = getDb(),
): Promise<Map<number, number>> {
  if (planIds.length === 0) return new Map();
  const rows = await db.objective.groupBy({
    by: ["planId"],
    where: { planId: { in: planIds }, level: "MEASURE", retiredAt: null },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.planId, r._count._all]));
}

/** Whether the viewer may edit a plan: `plan:manage` and the issuer inside the viewer's subtree. */
export function canEditPlan(viewer: TPlanViewer, plan: Pick<TVisiblePlan, "issuingOrg">): boolean {
  return viewer.permissions.has("plan:manage") && plan.issuingOrg.ancestorIds.includes(viewer.orgId);
}
