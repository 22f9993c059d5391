import type { TMetrics } from "./metrics";

// The 通报 ranking: completion rate, then average progress, then on-time rate (high to low), then
// overdue (low to high). Rates and progress are compared as printed (to 0.1 %), so two rows the
// reader sees as equal share a rank. Regions without tasks are not ranked. Ties share a rank (1, 2, 2, 4).
export type TRanked<T> = T & { rank: number };

const shownRate = (r: number | null) => (r === null ? -1 : Math.round(r * 1000));
const shownProgress = (p: number | null) => (p === null ? -1 : Math.round(p * 10));

export function compareRegions(a: TMetrics, b: TMetrics): number {
  return (
    shownRate(b.completionRate) - shownRate(a.completionRate) ||
    shownProgress(b.avgProgress) - shownProgress(a.avgProgress) ||
    shownRate(b.onTimeRate) - shownRate(a.onTimeRate) ||
    a.overdue - b.overdue
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

/** Nothing completed and no progress as printed: nothing to praise. */
export const nothingDone = (m: TMetrics) => m.completed === 0 && shownProgress(m.avgProgress) <= 0;
const allDone = (m: TMetrics) => m.total > 0 && m.completed === m.total;

/** A tie that stopped a list: `count` units share `rank` and did not fit in whole. */
export type TTie = { rank: number; count: number };
export type TMentions<T> = {
  top: TRanked<T>[];
  bottom: TRanked<T>[];
  topTie: TTie | null;
  bottomTie: TTie | null;
};

/**
 * Whom the 通报 names as 完成较好 (top) and 需要加快进度 (bottom), each in ranking order.
 * - At most `limit` names per list, and at most half the ranked units, so the lists never meet;
 *   the bottom list also stops at a group already named at the top.
 * - Ties at the cut-off: a group of units sharing a rank is named whole or not at all. A list stops
 *   before the first group that does not fit whole (we name only those above the tie, never some of
 *   the tied units and not others); the stopping tie is returned so the text can say that N units
 *   share that rank instead of silently leaving them out.
 * - Never praised: a unit with nothing completed and no progress. Never urged: a unit that completed
 *   all its tasks. Each group is uniform in both respects (its members compare equal as printed).
 */
export function pickMentions<T extends { metrics: TMetrics }>(
  ranked: readonly TRanked<T>[],
  limit = 3,
): TMentions<T> {
  const groups: TRanked<T>[][] = [];
  for (const r of ranked) {
    const last = groups.at(-1);
    if (last && last[0]!.rank === r.rank) last.push(r);
    else groups.push([r]);
  }
  const max = Math.min(limit, Math.floor(ranked.length / 2));
  // All units alike (or too few to compare): nobody stands out either way.
  if (groups.length < 2 || max === 0) return { top: [], bottom: [], topTie: null, bottomTie: null };
  const take = (ordered: TRanked<T>[][], stop: (g: TRanked<T>[]) => boolean) => {
    const named: TRanked<T>[] = [];
    for (const g of ordered) {
      if (stop(g)) return { named, tie: null };
      if (named.length + g.length > max) {
        // A tie at the cut-off only when the group straddles it (a full list is not cut by a tie).
        const straddles = named.length < max;
        return { named, tie: straddles ? { rank: g[0]!.rank, count: g.length } : null };
      }
      named.push(...g);
    }
    return { named, tie: null };
  };
  const top = take(groups, (g) => nothingDone(g[0]!.metrics));
  // The bottom list stops at the groups of the top list, named or tied.
  const topRanks = new Set([...top.named.map((r) => r.rank), ...(top.tie ? [top.tie.rank] : [])]);
  const bottom = take([...groups].reverse(), (g) => topRanks.has(g[0]!.rank) || allDone(g[0]!.metrics));
  return {
    top: top.named,
    bottom: bottom.named.sort((a, b) => a.rank - b.rank),
    topTie: top.tie,
    bottomTie: bottom.tie,
  };
}
