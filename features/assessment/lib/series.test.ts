import { describe, expect, it } from "vitest";
import { groupSeries } from "./series";

const row = (id: number, seriesId: number | null, version: number) => ({
  id,
  seriesId,
  version,
  year: id === 2 ? 2025 : 2026,
  title: `s${id}`,
});

describe("groupSeries", () => {
  it("puts every version under its series, newest version first, and orders series by year then recency", () => {
    const rows = [row(1, null, 1), row(2, null, 1), row(3, 1, 2), row(4, 1, 3), row(5, null, 1)];
    const g = groupSeries(rows);
    expect(g.map((s) => s.seriesId)).toEqual([5, 1, 2]);
    expect(g[1]!.versions.map((v) => v.id)).toEqual([4, 3, 1]);
    expect(g[1]!.latest.id).toBe(4);
  });
});
