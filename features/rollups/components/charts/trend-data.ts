// Rows and the ECharts option of the completion trend. Pure (no DOM): unit-tested beside it.
import type { ComposeOption } from "echarts/core";
import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import { formatRate } from "@/features/rollups/lib/metrics";
import { AXIS_TEXT_COLOR, COMPACT_MAX_WIDTH, TREND_BAR_COLOR, TREND_LINE_COLOR } from "./chart-theme";
import { escapeHtml, tooltipRow } from "./html";

export type TTrendPoint = {
  date: string /* YYYY-MM-DD, week start */;
  total: number;
  completed: number;
  overdue?: number;
};
export type TTrendLabels = { completionRate: string; completed: string; total: string; noData: string };
export type TTrendRow = {
  date: string;
  axisLabel: string;
  rate: number | null;
  completed: number;
  total: number;
};
export type TTrendOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Sorted by date; rate = completed / total (null for a week with no tasks); axis labels drop the year
 *  when every point is in the same year. */
export function toTrendRows(points: readonly TTrendPoint[]): TTrendRow[] {
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const oneYear = new Set(sorted.map((p) => p.date.slice(0, 4))).size <= 1;
  return sorted.map((p) => ({
    date: p.date,
    axisLabel: oneYear ? p.date.slice(5) : p.date,
    rate: p.total > 0 ? p.completed / p.total : null,
    completed: p.completed,
    total: p.total,
  }));
}

/** Percent with one decimal for the line (45.5), null where there is nothing to divide by. */
const toPercent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export function buildTrendOption(points: readonly TTrendPoint[], labels: TTrendLabels): TTrendOption {
  const rows = toTrendRows(points);
  const tooltipHtml = (index: number) => {
    const row = rows[index];
    if (!row) return "";
    return (
      `<div style="font-weight:600;margin-bottom:2px">${escapeHtml(row.date)}</div>` +
      tooltipRow(labels.completionRate, row.rate === null ? labels.noData : formatRate(row.rate)) +
      tooltipRow(labels.completed, String(row.completed)) +
      tooltipRow(labels.total, String(row.total))
    );
  };
  // Root-level media (no `baseOption` key): ECharts clones the option, so reapplying it is safe.
  return {
    color: [TREND_LINE_COLOR, TREND_BAR_COLOR],
    legend: {
      top: 0,
      data: [labels.completionRate, labels.completed],
      textStyle: { color: AXIS_TEXT_COLOR },
    },
    tooltip: {
      trigger: "axis",
      confine: true,
      axisPointer: { type: "shadow" },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        return first && typeof first.dataIndex === "number" ? tooltipHtml(first.dataIndex) : "";
      },
    },
    grid: { top: 40, left: 8, right: 8, bottom: 8 },
    xAxis: {
      type: "category",
      data: rows.map((r) => r.axisLabel),
      axisLabel: { color: AXIS_TEXT_COLOR, hideOverlap: true },
    },
    yAxis: [
      { type: "value", min: 0, max: 100, axisLabel: { color: AXIS_TEXT_COLOR, formatter: "{value}%" } },
      {
        type: "value",
        min: 0,
        minInterval: 1,
        alignTicks: true,
        splitLine: { show: false },
        axisLabel: { color: AXIS_TEXT_COLOR },
      },
    ],
    series: [
      {
        name: labels.completionRate,
        type: "line",
        yAxisIndex: 0,
        z: 3,
        symbol: "circle",
        symbolSize: 6,
        connectNulls: false,
        lineStyle: { width: 2 },
        data: rows.map((r) => toPercent(r.rate)),
      },
      {
        name: labels.completed,
        type: "bar",
        yAxisIndex: 1,
        barMaxWidth: 24,
        data: rows.map((r) => r.completed),
      },
    ],
    media: [
      {
        query: { maxWidth: COMPACT_MAX_WIDTH },
        option: {
          grid: { top: 36, left: 4, right: 4, bottom: 4 },
          series: [{ symbolSize: 4 }, { barMaxWidth: 12 }],
        },
      },
    ],
  };
}
