import { describe, expect, it } from "vitest";
import { toIndicatorMetrics } from "@/features/indicators/lib/indicator-metrics";
import { withIndicatorCells } from "./indicator-columns";

const m = (target: number, actual: number) =>
  toIndicatorMetrics({ tasks: 1, targeted: 1, reported: 1, targetSum: target, actualSum: actual }, "SUM");

describe("withIndicatorCells", () => {
  it("appends target, actual and % to each child by id and to 合计 / 本级 / 本地区 in order", () => {
    const ind = {
      indicator: { name: "新建工会数", unit: "家" },
      children: [
        { id: 7, metrics: m(40, 10) },
        { id: 5, metrics: m(80, 60) },
      ],
      childTotal: m(120, 70),
      own: m(200, 90),
      region: m(200, 90),
    };
    const c = { org: { parentId: 1 }, children: [{ id: 5 }, { id: 7 }, { id: 9 }], own: { total: 1 } };
    const out = withIndicatorCells(ind, c, {
      body: [["A"], ["B"], ["C"]],
      footer: [["合计"], ["本级"], ["本地区"]],
    });
    expect(out.body).toEqual([
      ["A", 80, 60, 0.75],
      ["B", 40, 10, 0.25],
      ["C", null, null, null],
    ]);
    expect(out.footer).toEqual([
      ["合计", 120, 70, 70 / 120],
      ["本级", 200, 90, 0.45],
      ["本地区", 200, 90, 0.45],
    ]);
  });

  it("at the root without own tasks: only 合计", () => {
    const ind = {
      indicator: { name: "x", unit: "个" },
      children: [],
      childTotal: m(10, 5),
      own: m(0, 0),
      region: m(10, 5),
    };
    const out = withIndicatorCells(
      ind,
      { org: { parentId: null }, children: [{ id: 3 }], own: { total: 0 } },
      {
        body: [["A"]],
        footer: [["合计"]],
      },
    );
    expect(out.footer).toEqual([["合计", 10, 5, 0.5]]);
    expect(out.body).toEqual([["A", null, null, null]]);
  });
});
