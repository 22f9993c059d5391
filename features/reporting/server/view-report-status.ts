import "server-only";
import { getReadDb } from "@/lib/db/read-db";
import { loadOrgFamily } from "@/features/rollups/server/org-family";
import { sumReportCounts, toReportMetrics, type TReportMetrics } from "../lib/report-metrics";
import { readMissedTasks, type TMissedTask } from "./read-missed";
import { listPeriods, listVisibleRules, type TPeriodOption, type TRuleOption } from "./read-rules";
import { readReportCounts, type TReportRow } from "./read-status";

export type TReportStatusQuery = { orgId: number; rule?: number; period?: number; page?: number };

/** Levels at which the view lists the units that missed (the units are the county's branches). */
const LISTS_MISSED = new Set(["COUNTY", "GRASSROOTS"]);

/**
 * 报送情况 of an org in the user's subtree for one period of a rule the user sees: one row per
 * child region, 下级单位合计, 本级 and 本地区, and at county level the tasks that missed (paged).
 * Defaults: the rule with the latest period, its latest period. `kind` "empty": no rule is visible
 * (or the chosen rule has no period yet). Null when the org, rule or period is out of scope.
 */
export async function getReportStatus(user: { orgId: number }, q: TReportStatusQuery) {
  const db = await getReadDb();
  const [family, rules] = await Promise.all([
    loadOrgFamily(db, user.orgId, q.orgId),
    listVisibleRules(db, user.orgId),
  ]);
  if (!family) return null;
  const rule: TRuleOption | undefined = q.rule === undefined ? rules[0] : rules.find((r) => r.id === q.rule);
  if (q.rule !== undefined && !rule) return null;
  const { org, children, trail } = family;
  const base = { org, trail, rules, rule: rule ?? null };
  if (!rule) {
    if (q.period !== undefined) return null;
    return { kind: "empty" as const, ...base, periods: [] as TPeriodOption[] };
  }
  const periods = await listPeriods(db, rule.id);
  const period = q.period === undefined ? periods[0] : periods.find((p) => p.id === q.period);
  if (q.period !== undefined && !period) return null;
  if (!period) return { kind: "empty" as const, ...base, periods };
  const closed = period.status === "CLOSED";
  const isRoot = org.parentId === null;
  const isBranch = org.level === "GRASSROOTS";
  const [rows, missed] = await Promise.all([
    readReportCounts(db, {
      orgs: isRoot ? children : isBranch ? [] : [...children, org],
      periodId: period.id,
      ...(isRoot ? {} : { ownOf: org.id }),
    }),
    LISTS_MISSED.has(org.level)
      ? readMissedTasks(db, { orgId: org.id, periodId: period.id, closed, page: q.page ?? 1 })
      : null,
  ]);
  const of = (pred: (r: TReportRow) => boolean): TReportMetrics =>
    toReportMetrics(sumReportCounts(rows.filter(pred)));
  const childRows = (r: TReportRow) => !r.own && r.orgId !== org.id;
  const region = isRoot
    ? of(childRows)
    : isBranch
      ? of((r) => r.own)
      : of((r) => !r.own && r.orgId === org.id);
  return {
    kind: "period" as const,
    ...base,
    periods,
    period,
    closed,
    children: children.map((c) => ({ ...c, metrics: of((r) => !r.own && r.orgId === c.id) })),
    childTotal: of(childRows),
    own: isRoot ? null : of((r) => r.own),
    region,
    missed: missed as { total: number; rows: TMissedTask[] } | null,
    page: q.page ?? 1,
  };
}

export type TReportStatus = NonNullable<Awaited<ReturnType<typeof getReportStatus>>>;
export type TReportStatusPeriod = Extract<TReportStatus, { kind: "period" }>;
