"use client";

import { useMemo } from "react";
import { use as registerEcharts } from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { cn } from "@/components/ui/cn";
import { TREND_HEIGHT_CLASS } from "./chart-theme";
import { TrendEmpty } from "./trend-empty";
import { buildTrendOption, type TTrendLabels, type TTrendPoint } from "./trend-data";
import { useEChart } from "./use-echart";

registerEcharts([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type { TTrendLabels, TTrendPoint };
export type TTrendChartProps = { points: TTrendPoint[]; labels: TTrendLabels; className?: string };

/** Weekly completion rate (line, left axis) and completed count (bars, right axis). */
export function TrendChart({ points, labels, className }: TTrendChartProps) {
  const { completionRate, completed, total, noData } = labels;
  const option = useMemo(
    () => (points.length ? buildTrendOption(points, { completionRate, completed, total, noData }) : null),
    [points, completionRate, completed, total, noData],
  );
  const ref = useEChart(option);
  if (!option) return <TrendEmpty text={noData} className={className} />;
  return (
    <div
      ref={ref}
      role="figure"
      aria-label={completionRate}
      className={cn("w-full", TREND_HEIGHT_CLASS, className)}
    />
  );
}
