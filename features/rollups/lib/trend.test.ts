import { describe, expect, it } from "vitest";
import { weekStart, withLivePoint } from "./trend";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("trend points", () => {
  it("weeks start on Monday", () => {
    expect(weekStart(d("2026-11-25"))).toBe("2026-11-23"); // Wednesday
    expect(weekStart(d("2026-11-23"))).toBe("2026-11-23"); // Monday
    expect(weekStart(d("2026-11-29"))).toBe("2026-11-23"); // Sunday
  });
  it("the current week's point is the live figures, earlier weeks stay as recorded", () => {
    const pts = [
      { date: "2026-11-16", total: 10, completed: 2, overdue: 1 },
      { date: "2026-11-23", total: 12, completed: 3, overdue: 0 },
    ];
    expect(withLivePoint(pts, { total: 15, completed: 5, overdue: 2 }, d("2026-11-25"))).toEqual([
      { date: "2026-11-16", total: 10, completed: 2, overdue: 1 },
      { date: "2026-11-23", total: 15, completed: 5, overdue: 2 },
    ]);
    expect(withLivePoint([], { total: 1, completed: 0, overdue: 0 }, d("2026-11-25"))).toEqual([
      { date: "2026-11-23", total: 1, completed: 0, overdue: 0 },
    ]);
  });
});
