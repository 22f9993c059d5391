import { describe, expect, it } from "vitest";
import { addCounts, emptyCounts, formatRate, subtractCounts, toMetrics } from "./metrics";

describe("completion metrics", () => {
  it("derives totals and rates from counts", () => {
    const m = toMetrics({
      ...emptyCounts(),
      pendingSign: 2,
      inProgress: 3,
      submitted: 1,
      completed: 4,
      completedOnTime: 3,
      progressSum: 2 * 0 + 3 * 50 + 100 + 400,
      overdue: 1,
    });
    expect(m).toMatchObject({ total: 10, signed: 8, completionRate: 0.4, onTimeRate: 0.75, avgProgress: 65 });
  });

  it("has no rate where nothing was assigned or completed", () => {
    expect(toMetrics(emptyCounts())).toMatchObject({
      total: 0,
      completionRate: null,
      onTimeRate: null,
      avgProgress: null,
    });
    expect(formatRate(null)).toBe("—");
    expect(formatRate(1 / 22)).toBe("4.5%");
    expect(formatRate(1)).toBe("100.0%");
  });

  it("the org's own tasks are its subtree minus its children", () => {
    const self = { ...emptyCounts(), completed: 5, pendingSign: 3 };
    const kids = addCounts(addCounts(emptyCounts(), { ...emptyCounts(), completed: 2 }), {
      ...emptyCounts(),
      completed: 1,
      pendingSign: 3,
    });
    expect(subtractCounts(self, kids)).toEqual({ ...emptyCounts(), completed: 2 });
  });
});
