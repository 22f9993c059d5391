import { DEDUCTION_KINDS, PRIORITIES, type TRule } from "../schemas";
import type { TLine } from "./score";

// Rules and score lines in words, for the scheme page (components/scheme-summary.tsx), the result
// export and the 考评通报. `t` translates over the whole catalogue (next-intl's useTranslations() or
// getTranslations() without a namespace, or features/exports' translator).

export type TTranslateAll = (key: string, values?: Record<string, string | number>) => string;

export const isDeduction = (r: Pick<TRule, "kind">) =>
  (DEDUCTION_KINDS as readonly string[]).includes(r.kind);

/** How a rule counts: "每项 2 分 × 优先级系数（低 0.5、常规 1 …），最多 30 分". */
export function describeRule(r: TRule, t: TTranslateAll, indicatorNames: Record<number, string>): string {
  const d = (key: string, values?: Record<string, string | number>) =>
    t(`assessmentSchemes.describe.${key}`, values);
  const sep = t("punct.listSep");
  const parts: string[] = [];
  if (r.kind === "COMPLETED") {
    const weights = PRIORITIES.map((p) =>
      d("weight", { priority: t(`assessment.priority.${p}`), weight: r.weights[p] }),
    ).join(sep);
    parts.push(d("COMPLETED", { points: r.points, weights }));
  } else if (r.kind === "INDICATOR") {
    const name = indicatorNames[r.indicatorId] ?? d("unknownIndicator", { id: r.indicatorId });
    parts.push(d("INDICATOR", { name, points: r.points, ratio: Math.round(r.capRatio * 100) }));
  } else parts.push(d(isDeduction(r) ? "minus" : "plus", { points: r.points }));
  if (r.kind !== "INDICATOR" && r.max !== undefined)
    parts.push(d(isDeduction(r) ? "capMinus" : "cap", { cap: r.max }));
  return parts.join(sep);
}

/**
 * A score line in words: its kind ("完成任务", "加分项") and what it counted by — the rule in words
 * for a rule's line (found by key among the scheme's rules), the reason for a manual item
 * (`item:<id>`). A rule since removed from the scheme keeps its kind and no description.
 */
export function describeLine(
  line: TLine,
  scheme: { rules: readonly TRule[]; indicatorNames: Record<number, string> },
  t: TTranslateAll,
): { kind: string; basis: string } {
  const kind = t(`assessment.kind.${line.kind}`);
  if (line.key.startsWith("item:")) return { kind, basis: line.note ?? "" };
  const rule = scheme.rules.find((r) => r.id === line.key);
  return { kind, basis: rule ? describeRule(rule, t, scheme.indicatorNames) : "" };
}
