import { describe, expect, it } from "vitest";
import { emptyCounts, toMetrics, type TCounts } from "@/features/rollups/lib/metrics";
import { COMPLETION_SPECS } from "./columns";
import { completionBody, completionFooter } from "./completion-table";

const t = (key: string) =>
  ({ "exports.completion.own": "本级", "exports.completion.sum": "合计" })[key] ?? key;
const m = (c: Partial<TCounts>) => toMetrics({ ...emptyCounts(), ...c });

describe("completion table", () => {
  const children = [
    {
      name: "石家庄市总工会",
      metrics: m({
        pendingSign: 1,
        inProgress: 2,
        completed: 1,
        completedOnTime: 1,
        progressSum: 160,
        overdue: 1,
      }),
    },
    { name: "唐山市总工会", metrics: m({}) },
  ];

  it("has a row per child (also empty ones) in column order, and 本级 only when the org holds tasks itself", () => {
    const rows = completionBody({ children, own: m({}), total: m({}) }, t);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(["石家庄市总工会", 4, 3, 1, 0, 2, 0, 1, 1, 0.25, 1, 40]);
    expect(rows[0]).toHaveLength(COMPLETION_SPECS.length);
    expect(rows[1]).toEqual(["唐山市总工会", 0, 0, 0, 0, 0, 0, 0, 0, null, null, null]);
    const withOwn = completionBody({ children, own: m({ submitted: 1, progressSum: 100 }), total: m({}) }, t);
    expect(withOwn.at(-1)).toEqual(["本级", 1, 1, 0, 0, 0, 1, 0, 0, 0, null, 100]);
  });

  it("ends with the 合计 line", () => {
    expect(
      completionFooter(
        { children, own: m({}), total: m({ completed: 2, completedOnTime: 1, progressSum: 200 }) },
        t,
      ),
    ).toEqual([["合计", 2, 2, 0, 0, 0, 0, 2, 0, 1, 0.5, 100]]);
  });
});
