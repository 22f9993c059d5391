import type { TColumn, TRow } from "@/features/exports/lib/sheet";
import type { TTranslate } from "@/features/exports/lib/translate";
import type { TMissingCounts } from "./read-missing";

/** The 漏报 column of the 完成情况 export (after the task figures, before an indicator's). */
export const missingColumn = (t: TTranslate): TColumn => ({
  header: t("reportStatus.cols.missing"),
  kind: "int",
  width: 8,
});

/**
 * The completion table's rows with the 漏报 cell appended: the body by child org, the footer in
 * completion-table.ts#completionFooter's order (下级单位合计, 本级, 本地区).
 */
export function withMissingCells(
  missing: TMissingCounts,
  c: { org: { parentId: number | null }; children: { id: number }[]; own: { total: number } },
  table: { body: TRow[]; footer: TRow[] },
): { body: TRow[]; footer: TRow[] } {
  const footer = [
    ...(c.children.length ? [missing.childTotal] : []),
    ...(c.own.total > 0 ? [missing.own] : []),
    ...(c.org.parentId === null ? [] : [missing.region]),
  ];
  return {
    body: table.body.map((r, i) => [...r, missing.byOrg.get(c.children[i]!.id) ?? 0]),
    footer: table.footer.map((r, i) => [...r, footer[i] ?? null]),
  };
}
