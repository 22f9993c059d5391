// The list page shows schemes by series: every version of one scheme together, the newest first.

type TVersionRow = { id: number; seriesId: number | null; version: number; year: number; title: string };

export type TSeries<T extends TVersionRow> = { seriesId: number; latest: T; versions: T[] };

/** Groups versions by series (the first version's id); series by the latest version's year, then newest. */
export function groupSeries<T extends TVersionRow>(rows: readonly T[]): TSeries<T>[] {
  const by = new Map<number, T[]>();
  for (const r of rows) {
    const key = r.seriesId ?? r.id;
    by.set(key, [...(by.get(key) ?? []), r]);
  }
  return [...by.entries()]
    .map(([seriesId, vs]) => {
      const versions = [...vs].sort((a, b) => b.version - a.version);
      return { seriesId, latest: versions[0]!, versions };
    })
    .sort((a, b) => b.latest.year - a.latest.year || b.latest.id - a.latest.id);
}
