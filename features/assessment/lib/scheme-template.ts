import type { TRule, TSchemeRules } from "../schemas";

// The scheme form's starting point: a usual 100-point scheme (base 60; up to 30 for completed tasks
// and 10 for finishing on time), and a new rule of each kind with sensible points.

export const SCHEME_TEMPLATE: TSchemeRules = {
  base: 60,
  rules: [
    {
      id: "completed",
      kind: "COMPLETED",
      points: 2,
      weights: { LOW: 0.5, NORMAL: 1, HIGH: 1.5, URGENT: 2 },
      max: 30,
    },
    { id: "on-time", kind: "ON_TIME", points: 1, max: 10 },
    { id: "overdue", kind: "OVERDUE", points: 2 },
    { id: "returned", kind: "RETURNED", points: 1 },
    { id: "missing-report", kind: "MISSING_REPORT", points: 1 },
    { id: "late-report", kind: "LATE_REPORT", points: 0.5 },
  ],
  bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 },
  vetoGrade: "FAIL",
};

/** A rule id not yet taken: the kind in kebab case, then -2, -3 … (ids stay stable across versions). */
export function newRuleId(kind: TRule["kind"], taken: readonly string[]): string {
  const base = kind.toLowerCase().replace(/_/g, "-");
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** A new rule of one kind (INDICATOR: the first indicator offered, or none yet). */
export function newRule(kind: TRule["kind"], taken: readonly string[], indicatorId?: number): TRule {
  const id = newRuleId(kind, taken);
  if (kind === "COMPLETED")
    return { id, kind, points: 2, weights: { LOW: 0.5, NORMAL: 1, HIGH: 1.5, URGENT: 2 }, max: 30 };
  if (kind === "INDICATOR") return { id, kind, indicatorId: indicatorId ?? 0, points: 5, capRatio: 1 };
  const points = kind === "LATE_REPORT" || kind === "NUDGED" || kind === "REPORT_ON_TIME" ? 0.5 : 1;
  return { id, kind, points: kind === "OVERDUE" ? 2 : points };
}
