import type { TMetrics } from "./metrics";

// The 通报 ranking: completion rate, then on-time rate (high to low), then overdue (low to high).
// Regions without tasks are not ranked. Ties share a rank (1, 2, 2, 4).
export type TRanked<T> = T & { rank: number };

const desc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);

export function compareRegions(a: TMetrics, b: TMetrics): number {
  return (
    desc(a.completionRate, b.completionRate) || desc(a.onTimeRate, b.onTimeRate) || a.overdue - b.overdue
  );
}

export function rankRegions<T extends { metrics: TMetrics }>(rows: readonly T[]): TRanked<T>[] {
  const sorted = rows.filter((r) => r.metrics.total > 0).sort((a, b) => compareRegions(a.metrics, b.metrics));
  const out: TRanked<T>[] = [];
  sorted.forEach((r, i) => {
    const prev = out[i - 1];
    out.push({ ...r, rank: prev && compareRegions(prev.metrics, r.metrics) === 0 ? prev.rank : i + 1 });
  });
  return out;
}
