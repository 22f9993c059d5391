import { describe, expect, it } from "vitest";
import { buildTrendOption, toTrendRows, type TTrendPoint } from "./trend-data";

const labels = { completionRate: "完成率", completed: "已完成", total: "任务数", noData: "暂无数据" };
const points: TTrendPoint[] = [
  { date: "2025-03-17", total: 40, completed: 18, overdue: 3 },
  { date: "2025-03-10", total: 0, completed: 0 },
  { date: "2025-03-03", total: 30, completed: 9 },
];

describe("toTrendRows", () => {
  it("sorts by week, computes the rate and leaves it null for a week without tasks", () => {
    expect(toTrendRows(points)).toEqual([
      { date: "2025-03-03", axisLabel: "03-03", rate: 0.3, completed: 9, total: 30 },
      { date: "2025-03-10", axisLabel: "03-10", rate: null, completed: 0, total: 0 },
      { date: "2025-03-17", axisLabel: "03-17", rate: 0.45, completed: 18, total: 40 },
    ]);
  });
  it("keeps the year in the axis labels when the weeks span two years", () => {
    const rows = toTrendRows([
      { date: "2025-01-06", total: 1, completed: 0 },
      { date: "2024-12-30", total: 1, completed: 1 },
    ]);
    expect(rows.map((r) => r.axisLabel)).toEqual(["2024-12-30", "2025-01-06"]);
  });
});

describe("buildTrendOption", () => {
  const option = buildTrendOption(points, labels);
  const series = option.series as { type: string; yAxisIndex: number; data: unknown[] }[];

  it("draws the rate in percent on the left axis (a gap for the empty week) and completed counts as bars on the right", () => {
    expect(series.map((s) => [s.type, s.yAxisIndex])).toEqual([
      ["line", 0],
      ["bar", 1],
    ]);
    expect(series[0]?.data).toEqual([30, null, 45]);
    expect(series[1]?.data).toEqual([9, 0, 18]);
  });

  it("tooltips the full date, the formatted rate and both counts", () => {
    const tooltip = option.tooltip as { formatter: (p: { dataIndex: number }[]) => string };
    const html = tooltip.formatter([{ dataIndex: 2 }]);
    for (const text of ["2025-03-17", "完成率", "45.0%", "已完成", ">18<", "任务数", ">40<"])
      expect(html).toContain(text);
    expect(tooltip.formatter([{ dataIndex: 1 }])).toContain("暂无数据");
  });
});
