// Indicator figures of a region from its summed counts. Pure, shared by the views, the 通报 and the exports.

export type TAggregation = "SUM" | "AVERAGE";
export type TDirection = "HIGHER" | "LOWER";

/** What IndicatorRollup keeps per region (and what a branch's own tasks add up to). */
export type TIndicatorCounts = {
  /** Counted tasks (not cancelled) that carry the indicator. */
  tasks: number;
  /** Of those, the ones with a target / with an actual. */
  targeted: number;
  reported: number;
  targetSum: number;
  actualSum: number;
};

export type TIndicatorMetrics = TIndicatorCounts & {
  /** SUM: the sum of the targets; AVERAGE: their mean. Null when no task has a target. */
  target: number | null;
  /** SUM: the sum of the actuals (0 when none is reported yet); AVERAGE: their mean (null when none). */
  actual: number | null;
  /** actual / target, as printed (a LOWER indicator is not inverted here, only its colour). */
  rate: number | null;
};

export const emptyIndicatorCounts = (): TIndicatorCounts => ({
  tasks: 0,
  targeted: 0,
  reported: 0,
  targetSum: 0,
  actualSum: 0,
});

export function addIndicatorCounts(into: TIndicatorCounts, x: TIndicatorCounts): TIndicatorCounts {
  into.tasks += x.tasks;
  into.targeted += x.targeted;
  into.reported += x.reported;
  into.targetSum += Number(x.targetSum);
  into.actualSum += Number(x.actualSum);
  return into;
}

export function sumIndicatorCounts(rows: TIndicatorCounts[]): TIndicatorCounts {
  return rows.reduce((acc, r) => addIndicatorCounts(acc, r), emptyIndicatorCounts());
}

export function toIndicatorMetrics(c: TIndicatorCounts, aggregation: TAggregation): TIndicatorMetrics {
  const avg = aggregation === "AVERAGE";
  const target = c.targeted === 0 ? null : avg ? c.targetSum / c.targeted : c.targetSum;
  const actual = avg
    ? c.reported === 0
      ? null
      : c.actualSum / c.reported
    : c.tasks === 0
      ? null
      : c.actualSum;
  const rate = target !== null && target > 0 && actual !== null ? actual / target : null;
  return { ...c, target, actual, rate };
}

/**
 * The value the heatmap colours (features/rollups/lib/rate-colour.ts: 0 red … 1 green). HIGHER
 * indicators: the rate itself. LOWER indicators (fewer is better, e.g. 欠薪案件数) print the same
 * rate but are coloured inverted: at or under the target is green (1), 150 % of it amber (0.5),
 * 200 % or more red (0).
 */
export function rateColourValue(rate: number | null, direction: TDirection): number | null {
  if (rate === null) return null;
  return direction === "LOWER" ? Math.min(1, Math.max(0, 2 - rate)) : rate;
}

/** A figure as printed: up to 2 decimal places, grouped ("1,234.5"), "—" when there is none. */
export function formatIndicatorValue(v: number | null, locale = "zh-CN"): string {
  if (v === null) return "—";
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "zh-CN", { maximumFractionDigits: 2 }).format(v);
}
