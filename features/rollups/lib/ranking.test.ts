import { describe, expect, it } from "vitest";
import { emptyCounts, toMetrics } from "./metrics";
import { rankRegions } from "./ranking";

const region = (name: string, c: Partial<ReturnType<typeof emptyCounts>>) => ({
  name,
  metrics: toMetrics({ ...emptyCounts(), ...c }),
});

describe("rankRegions", () => {
  it("ranks by completion, then on-time rate, then fewer overdue; ties share a rank; no tasks, no rank", () => {
    const ranked = rankRegions([
      region("A", { completed: 1, inProgress: 3 }), // 25 %
      region("B", { completed: 2, completedOnTime: 2, inProgress: 2 }), // 50 %, all on time
      region("C", { completed: 2, completedOnTime: 1, inProgress: 2 }), // 50 %, half on time
      region("D", {}), // no tasks
      region("E", { completed: 1, inProgress: 3, overdue: 2 }), // 25 %, 2 overdue
      region("F", { completed: 1, inProgress: 3 }), // same as A
    ]);
    expect(ranked.map((r) => `${r.rank}${r.name}`)).toEqual(["1B", "2C", "3A", "3F", "5E"]);
  });
});
