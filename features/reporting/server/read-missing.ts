import type { TDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ROLLUP_LEVELS } from "@/features/rollups/server/figures";

// No "server-only": the tests read this too.

/** 漏报 of closed periods per org of a completion view: children, 下级单位合计, 本级, 本地区. */
export type TMissingCounts = {
  byOrg: Map<number, number>;
  childTotal: number;
  own: number;
  region: number;
};

type TView = {
  org: { id: number; level: string; parentId: number | null };
  children: { id: number; level: string; parentId: number | null }[];
};

/** The rules of plan `planPrefix` (every rule without a plan): set on it, on one of its objectives, or on a batch of its tasks. */
const rulesOf = (planPrefix: string | null) => Prisma.sql`
  SELECT r.id FROM "ReportingRule" r
  WHERE ${planPrefix}::text IS NULL
    OR r."planId" = (SELECT pl.id FROM "Plan" pl WHERE pl."codePrefix" = ${planPrefix}::text)
    OR EXISTS (SELECT 1 FROM "Objective" ob JOIN "Plan" pl ON pl.id = ob."planId"
      WHERE ob.id = r."objectiveId" AND pl."codePrefix" = ${planPrefix}::text)
    OR EXISTS (SELECT 1 FROM "Task" bt JOIN "Objective" ob ON ob.id = bt."objectiveId" JOIN "Plan" pl ON pl.id = ob."planId"
      WHERE bt."batchId" = r."batchId" AND pl."codePrefix" = ${planPrefix}::text)`;

/**
 * The missing reports (漏报) of the closed periods of the plan's rules, per org of a completion view
 * (already scope-checked by getCompletion), counted like the task figures: federations from
 * ReportingRollup (each chain once per region; the root = the sum of its provinces), branches and
 * 本级 from their tasks' PeriodReport rows. Null when the plan has no reporting rule (the views then
 * show no 漏报 column).
 */
export async function readMissingForCompletion(
  db: TDb,
  view: TView,
  planPrefix: string | null,
): Promise<TMissingCounts | null> {
  const [{ n } = { n: 0 }] = await db.$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM (${rulesOf(planPrefix)}) x`;
  if (n === 0) return null;
  const isRoot = view.org.parentId === null;
  const isBranch = view.org.level === "GRASSROOTS";
  const orgs = isRoot ? view.children : isBranch ? [] : [...view.children, view.org];
  const rolled = orgs.filter((o) => (ROLLUP_LEVELS as readonly string[]).includes(o.level)).map((o) => o.id);
  const ownOf = isRoot ? 0 : view.org.id;
  const held = [...orgs.filter((o) => o.level === "GRASSROOTS").map((o) => o.id), ...(isRoot ? [] : [ownOf])];
  const rows = await db.$queryRaw<{ orgId: number; own: boolean; missing: number }[]>`
    WITH closed AS (
      SELECT p.id FROM "ReportingPeriod" p WHERE p.status = 'CLOSED' AND p."ruleId" IN (${rulesOf(planPrefix)})
    )
    SELECT x."orgId", FALSE AS own, sum(x.missing)::int AS missing
    FROM "ReportingRollup" x JOIN closed c ON c.id = x."periodId"
    WHERE x."orgId" = ANY(${rolled}::int[])
    GROUP BY 1
    UNION ALL
    SELECT t."orgId", t."orgId" = ${ownOf} AS own, count(*)::int
    FROM "Task" t
    JOIN "PeriodReport" pr ON pr."taskId" = t.id AND pr.status = 'MISSING'
    JOIN closed c ON c.id = pr."periodId"
    WHERE t."orgId" = ANY(${held}::int[])
    GROUP BY 1, 2`;
  const byOrg = new Map<number, number>();
  let own = 0;
  let region = 0;
  for (const r of rows) {
    if (r.own) own += r.missing;
    else if (r.orgId === view.org.id) region += r.missing;
    else byOrg.set(r.orgId, (byOrg.get(r.orgId) ?? 0) + r.missing);
  }
  const childTotal = [...byOrg.values()].reduce((a, b) => a + b, 0);
  return { byOrg, childTotal, own, region: isRoot ? childTotal : isBranch ? own : region };
}
