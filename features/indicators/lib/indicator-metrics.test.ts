import { describe, expect, it } from "vitest";
import {
  formatIndicatorValue,
  rateColourValue,
  sumIndicatorCounts,
  toIndicatorMetrics,
} from "./indicator-metrics";

const counts = (...[tasks, targeted, reported, targetSum, actualSum]: number[]) => ({
  tasks: tasks!,
  targeted: targeted!,
  reported: reported!,
  targetSum: targetSum!,
  actualSum: actualSum!,
});

describe("indicator metrics", () => {
  it("SUM: the sums, and actual / target", () => {
    const m = toIndicatorMetrics(counts(3, 3, 2, 200, 75), "SUM");
    expect([m.target, m.actual, m.rate]).toEqual([200, 75, 0.375]);
  });
  it("SUM with nothing reported yet is 0 done, not unknown", () => {
    expect(toIndicatorMetrics(counts(2, 2, 0, 40, 0), "SUM")).toMatchObject({ actual: 0, rate: 0 });
  });
  it("AVERAGE: the mean of the targets set and of the actuals reported", () => {
    const m = toIndicatorMetrics(counts(4, 2, 3, 180, 240), "AVERAGE");
    expect([m.target, m.actual]).toEqual([90, 80]);
    expect(m.rate).toBeCloseTo(80 / 90, 12);
  });
  it("no target or a zero target: no rate", () => {
    expect(toIndicatorMetrics(counts(1, 0, 1, 0, 5), "SUM").rate).toBeNull();
    expect(toIndicatorMetrics(counts(1, 1, 1, 0, 5), "SUM").rate).toBeNull();
    expect(toIndicatorMetrics(counts(0, 0, 0, 0, 0), "AVERAGE")).toMatchObject({
      target: null,
      actual: null,
    });
  });
  it("sums counts of regions (decimals from the database may come as strings)", () => {
    const s = sumIndicatorCounts([
      counts(1, 1, 1, 10, 4),
      { ...counts(2, 1, 0, 0, 0), targetSum: "5.5" as never },
    ]);
    expect(s).toEqual(counts(3, 2, 1, 15.5, 4));
  });
  it("LOWER indicators colour inverted: at or under target green, 150 % amber, 200 % red", () => {
    expect(rateColourValue(0.6, "LOWER")).toBe(1);
    expect(rateColourValue(1, "LOWER")).toBe(1);
    expect(rateColourValue(1.5, "LOWER")).toBe(0.5);
    expect(rateColourValue(2.4, "LOWER")).toBe(0);
    expect(rateColourValue(0.6, "HIGHER")).toBe(0.6);
    expect(rateColourValue(null, "HIGHER")).toBeNull();
  });
  it("prints up to 2 decimals", () => {
    expect(formatIndicatorValue(1234.5678)).toBe("1,234.57");
    expect(formatIndicatorValue(75)).toBe("75");
    expect(formatIndicatorValue(null)).toBe("—");
  });
});
