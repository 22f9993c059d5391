import type { TIndicatorMetrics } from "@/features/indicators/lib/indicator-metrics";
import type { TColumn, TRow } from "./sheet";
import type { TTranslate } from "./translate";

// The chosen indicator's columns of the 完成情况 export (?indicator=): target, actual and % of
// target after the task figures, for every row of the table.

type TIndicatorTable = {
  indicator: { name: string; unit: string };
  children: { id: number; metrics: TIndicatorMetrics }[];
  own: TIndicatorMetrics;
  childTotal: TIndicatorMetrics;
  region: TIndicatorMetrics;
};

export const indicatorCells = (m: TIndicatorMetrics): TRow => [m.target, m.actual, m.rate];

export function indicatorColumns(t: TTranslate, unit: string): TColumn[] {
  return [
    { header: t("indicatorViews.export.target", { unit }), kind: "decimal", width: 16 },
    { header: t("indicatorViews.export.actual", { unit }), kind: "decimal", width: 16 },
    { header: t("indicatorViews.export.rate"), kind: "percent", width: 14 },
  ];
}

/**
 * The task table's rows with the indicator's cells appended: the body by child org id, the footer
 * in completion-table.ts#completionFooter's order (下级单位合计, 本级, 本地区).
 */
export function withIndicatorCells(
  ind: TIndicatorTable,
  c: { org: { parentId: number | null }; children: { id: number }[]; own: { total: number } },
  table: { body: TRow[]; footer: TRow[] },
): { body: TRow[]; footer: TRow[] } {
  const byId = new Map(ind.children.map((ch) => [ch.id, ch.metrics]));
  const footerMetrics = [
    ...(c.children.length ? [ind.childTotal] : []),
    ...(c.own.total > 0 ? [ind.own] : []),
    ...(c.org.parentId === null ? [] : [ind.region]),
  ];
  const none: TRow = [null, null, null];
  return {
    body: table.body.map((r, i) => {
      const m = byId.get(c.children[i]!.id);
      return [...r, ...(m ? indicatorCells(m) : none)];
    }),
    footer: table.footer.map((r, i) => [
      ...r,
      ...(footerMetrics[i] ? indicatorCells(footerMetrics[i]) : none),
    ]),
  };
}
