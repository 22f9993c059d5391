import type { TGrade, TRule, TSchemeRules } from "../schemas";

// The 考评 arithmetic, pure: a unit's facts from the record (server/facts.ts) and its manual items
// → its score sheet (one line per rule and per item), total, grade; then the ranking. Everything
// is computed in hundredths of a point (integers), so totals are exact.

export type TPriority = "LOW" | "NORMAL" | "HIGH" | "URGENT";
/** What the record counts per unit (COMPLETED by priority, the others as plain counts). */
export type TCountKind =
  "ON_TIME" | "OVERDUE" | "RETURNED" | "NUDGED" | "REPORT_ON_TIME" | "LATE_REPORT" | "MISSING_REPORT";

export type TIndicatorFact = { target: number | null; actual: number | null; direction: "HIGHER" | "LOWER" };

export type TUnitFacts = {
  completed: Record<TPriority, number>;
  counts: Record<TCountKind, number>;
  /** Per indicator id: the unit's task carrying it (at most one per measure), target and actual on the day. */
  indicators: Map<number, TIndicatorFact[]>;
};

export type TItem = { id: number; kind: "BONUS" | "DEDUCTION" | "VETO"; points: number; reason: string };

export type TLine = {
  /** The rule's id, or `item:<id>` for a manual item. */
  key: string;
  kind: TRule["kind"] | TItem["kind"];
  /** How many records the line counts (tasks, events, reports, or 1 for an item). */
  count: number;
  /** Signed points (a deduction is negative). */
  points: number;
  /** Before an accepted objection changed it. */
  original?: number;
  /** An item's reason. */
  note?: string;
  /** A VETO line whose objection was accepted: it no longer caps the grade. */
  lifted?: boolean;
};

export type TSheet = { total: number; grade: TGrade; vetoed: boolean; lines: TLine[] };

export const emptyFacts = (): TUnitFacts => ({
  completed: { LOW: 0, NORMAL: 0, HIGH: 0, URGENT: 0 },
  counts: {
    ON_TIME: 0,
    OVERDUE: 0,
    RETURNED: 0,
    NUDGED: 0,
    REPORT_ON_TIME: 0,
    LATE_REPORT: 0,
    MISSING_REPORT: 0,
  },
  indicators: new Map(),
});

const cents = (points: number) => Math.round(points * 100);
const capped = (c: number, max: number | undefined) => (max === undefined ? c : Math.min(c, cents(max)));

/** The share of its target an indicator reached (0 without a target or an actual). */
export function targetRatio(f: TIndicatorFact): number {
  if (f.target === null || f.target <= 0 || f.actual === null) return 0;
  if (f.direction === "HIGHER") return Math.max(0, f.actual / f.target);
  return f.actual <= 0 ? Number.POSITIVE_INFINITY : f.target / f.actual;
}

/** One rule's line in hundredths (signed) and what it counted. */
function ruleCents(rule: TRule, facts: TUnitFacts): { c: number; count: number } {
  switch (rule.kind) {
    case "COMPLETED": {
      const p = cents(rule.points);
      let c = 0;
      let count = 0;
      for (const k of ["LOW", "NORMAL", "HIGH", "URGENT"] as const) {
        // points × weight, both in hundredths: the product is in ten-thousandths.
        c += (facts.completed[k] * p * cents(rule.weights[k])) / 100;
        count += facts.completed[k];
      }
      return { c: capped(Math.round(c), rule.max), count };
    }
    case "INDICATOR": {
      const tasks = facts.indicators.get(rule.indicatorId) ?? [];
      const c = tasks.reduce(
        (s, f) => s + Math.round(cents(rule.points) * Math.min(targetRatio(f), rule.capRatio)),
        0,
      );
      return { c, count: tasks.length };
    }
    case "ON_TIME":
    case "REPORT_ON_TIME": {
      const n = facts.counts[rule.kind];
      return { c: capped(n * cents(rule.points), rule.max), count: n };
    }
    default: {
      const n = facts.counts[rule.kind];
      return { c: -capped(n * cents(rule.points), rule.max), count: n };
    }
  }
}

/** The grade of a total (hundredths) under the scheme's bands, capped by a veto. */
export function gradeOf(totalCents: number, scheme: TSchemeRules, vetoed: boolean): TGrade {
  const b = scheme.bands;
  const g: TGrade =
    totalCents >= cents(b.EXCELLENT)
      ? "EXCELLENT"
      : totalCents >= cents(b.GOOD)
        ? "GOOD"
        : totalCents >= cents(b.PASS)
          ? "PASS"
          : "FAIL";
  if (!vetoed) return g;
  const order: TGrade[] = ["EXCELLENT", "GOOD", "PASS", "FAIL"];
  return order[Math.max(order.indexOf(g), order.indexOf(scheme.vetoGrade))]!;
}

/**
 * A unit's score sheet: the base, a line per rule and per item, accepted objections applied
 * (`overrides`: line key → the line's points after the objection), total and grade.
 */
export function scoreUnit(
  scheme: TSchemeRules,
  facts: TUnitFacts,
  {
    items = [],
    overrides = new Map(),
  }: { items?: readonly TItem[]; overrides?: ReadonlyMap<string, number> } = {},
): TSheet {
  const lines: TLine[] = scheme.rules.map((rule) => {
    const { c, count } = ruleCents(rule, facts);
    return { key: rule.id, kind: rule.kind, count, points: c === 0 ? 0 : c / 100 };
  });
  for (const it of items)
    lines.push({
      key: `item:${it.id}`,
      kind: it.kind,
      count: 1,
      points: it.kind === "BONUS" ? it.points : it.kind === "DEDUCTION" ? -it.points : 0,
      note: it.reason,
    });
  for (const line of lines) {
    const o = overrides.get(line.key);
    if (o !== undefined && o !== line.points) {
      line.original = line.points;
      line.points = o;
    }
  }
  return sheetOf(scheme, lines, isVetoed(lines));
}

/** A sheet is vetoed while one of its VETO lines stands (an accepted objection lifts one). */
export const isVetoed = (lines: readonly TLine[]) => lines.some((l) => l.kind === "VETO" && !l.lifted);

/**
 * Total and grade of a sheet's lines (the base plus every line's points, then the bands and the
 * veto cap): used by scoreUnit and again when an accepted objection changes a frozen line.
 */
export function sheetOf(scheme: TSchemeRules, lines: TLine[], vetoed: boolean): TSheet {
  const totalCents = cents(scheme.base) + lines.reduce((s, l) => s + cents(l.points), 0);
  return { total: totalCents / 100, grade: gradeOf(totalCents, scheme, vetoed), vetoed, lines };
}

/** Competition ranking by total, highest first (equal totals share a rank: 1, 2, 2, 4). */
export function rank<T extends { total: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  let prev = 0;
  return sorted.map((r, i) => {
    prev = i > 0 && sorted[i - 1]!.total === r.total ? prev : i + 1;
    return { ...r, rank: prev };
  });
}
