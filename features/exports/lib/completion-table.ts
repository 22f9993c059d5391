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
    m.red,
    m.yellow,
    m.green,
  ];
}

type TTable = {
  org: { parentId: number | null };
  children: { name: string; metrics: TMetrics }[];
  own: TMetrics;
  childTotal: TMetrics;
  region: TMetrics;
};

/** Every direct child org (its region figures, as on the completion page). */
export function completionBody(c: TTable): TRow[] {
  return c.children.map((ch) => completionRow(ch.name, ch.metrics));
}

/**
 * The lines under the children, as on the completion page: 下级单位合计 (when the org has children),
 * 本级 (when it holds tasks itself) and 本地区（上级所见） (not at the root, whose figures are the
 * children's sum). The latter differs from the first two together when the org passed tasks down.
 */
export function completionFooter(c: TTable, t: TTranslate): TRow[] {
  return [
    ...(c.children.length ? [completionRow(t("exports.completion.childTotal"), c.childTotal)] : []),
    ...(c.own.total > 0 ? [completionRow(t("exports.completion.own"), c.own)] : []),
    ...(c.org.parentId === null ? [] : [completionRow(t("exports.completion.region"), c.region)]),
  ];
}

/** The line saying how passed-down tasks are counted (a title line). */
export const completionNote = (c: TTable, t: TTranslate): string =>
  t(c.org.parentId === null ? "exports.completion.noteRoot" : "exports.completion.note");
