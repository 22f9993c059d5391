import type { TMetrics } from "@/features/rollups/lib/metrics";
import type { TRow } from "./sheet";
import type { TTranslate } from "./translate";

/** One line of the 完成情况 table, in the order of COMPLETION_SPECS. */
export function completionRow(label: string, m: TMetrics): TRow {
  return [
    label,
    m.total,
    m.signed,
    m.pendingSign,
    m.handedBack,
    m.inProgress,
    m.submitted,
    m.completed,
    m.overdue,
    m.completionRate,
    m.onTimeRate,
    m.avgProgress,
  ];
}

type TTable = { children: { name: string; metrics: TMetrics }[]; own: TMetrics; total: TMetrics };

/** Every direct child org, then 本级 (the org's own tasks) when it has any. */
export function completionBody(c: TTable, t: TTranslate): TRow[] {
  const rows = c.children.map((ch) => completionRow(ch.name, ch.metrics));
  if (c.own.total > 0) rows.push(completionRow(t("exports.completion.own"), c.own));
  return rows;
}

/** The 合计 line. */
export function completionFooter(c: TTable, t: TTranslate): TRow[] {
  return [completionRow(t("exports.completion.sum"), c.total)];
}
