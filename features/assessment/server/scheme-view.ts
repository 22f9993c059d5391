import "server-only";
import { getDb } from "@/lib/db/client";
import { listVisiblePlans, visiblePlanWhere, type TPlanViewer } from "@/features/plans/server/visible-plans";
import { findReadableScheme, type TAssessActor } from "./access";
import { seriesOf, type TScheme } from "./compute";

// What the scheme pages read: one version with its series (findReadableScheme: the actor's org or
// an org above the scheme's), and the choices of the scheme form (visible plans, live indicators).

export type TSchemeVersion = {
  id: number;
  version: number;
  status: "DRAFT" | "PUBLISHED" | "SUPERSEDED";
  publishedAt: Date | null;
};

export type TSchemeView = {
  scheme: TScheme & { title: string; version: number; status: TSchemeVersion["status"] };
  /** The actor's org defined it (may edit, publish, copy); else read only. */
  runs: boolean;
  orgName: string;
  planTitle: string | null;
  versions: TSchemeVersion[];
  /** Names of the indicators its rules count, retired ones included. */
  indicatorNames: Record<number, string>;
};

export async function getSchemeView(actor: TAssessActor, schemeId: number): Promise<TSchemeView> {
  const db = getDb();
  const { scheme, runs } = await findReadableScheme(db, actor, schemeId);
  const series = seriesOf(scheme);
  const ids = scheme.rules.rules.flatMap((r) => (r.kind === "INDICATOR" ? [r.indicatorId] : []));
  const [row, org, plan, versions, indicators] = await Promise.all([
    db.assessmentScheme.findUniqueOrThrow({
      where: { id: scheme.id },
      select: { title: true, version: true, status: true },
    }),
    db.org.findUniqueOrThrow({ where: { id: scheme.orgId }, select: { name: true } }),
    scheme.planId ? db.plan.findUnique({ where: { id: scheme.planId }, select: { title: true } }) : null,
    db.assessmentScheme.findMany({
      where: { OR: [{ id: series }, { seriesId: series }] },
      select: { id: true, version: true, status: true, publishedAt: true },
      orderBy: { version: "desc" },
    }),
    db.indicator.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  ]);
  return {
    scheme: { ...scheme, ...row },
    runs,
    orgName: org.name,
    planTitle: plan?.title ?? null,
    versions,
    indicatorNames: Object.fromEntries(indicators.map((i) => [i.id, i.name])),
  };
}

export type TIndicatorChoice = { id: number; planId: number; code: string; name: string; unit: string };

/** The form's choices: the plans the actor sees and the live indicators of their measures. */
export async function getSchemeFormOptions(actor: TPlanViewer) {
  const db = getDb();
  const [{ plans }, { where }] = await Promise.all([
    listVisiblePlans(actor, db),
    visiblePlanWhere(actor, db),
  ]);
  const rows = await db.indicator.findMany({
    where: { retiredAt: null, objective: { level: "MEASURE", plan: where } },
    select: { id: true, name: true, unit: true, objective: { select: { code: true, planId: true } } },
    orderBy: [{ objective: { code: "asc" } }, { sortOrder: "asc" }, { id: "asc" }],
  });
  const indicators: TIndicatorChoice[] = rows.map((r) => ({
    id: r.id,
    planId: r.objective.planId,
    code: r.objective.code,
    name: r.name,
    unit: r.unit,
  }));
  return { plans: plans.map((p) => ({ id: p.id, title: p.title, codePrefix: p.codePrefix })), indicators };
}
