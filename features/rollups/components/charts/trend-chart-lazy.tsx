"use client";

import dynamic from "next/dynamic";
import { ChartSkeleton } from "./chart-skeleton";
import { TREND_HEIGHT_CLASS } from "./chart-theme";
import type { TTrendChartProps } from "./trend-chart";
import { TrendEmpty } from "./trend-empty";

// echarts loads only on pages that render this component, and not at all when there is nothing to draw.
const TrendChart = dynamic(() => import("./trend-chart").then((m) => m.TrendChart), {
  ssr: false,
  loading: () => <ChartSkeleton className={TREND_HEIGHT_CLASS} />,
});

export type { TTrendChartProps, TTrendLabels, TTrendPoint } from "./trend-chart";

export function TrendChartLazy(props: TTrendChartProps) {
  if (props.points.length === 0) return <TrendEmpty text={props.labels.noData} className={props.className} />;
  return <TrendChart {...props} />;
}
