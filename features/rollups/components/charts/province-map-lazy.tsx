"use client";

import dynamic from "next/dynamic";
import { ChartSkeleton } from "./chart-skeleton";
import { MAP_HEIGHT_CLASS } from "./chart-theme";
import type { TProvinceMapProps } from "./province-map";

// echarts (and the map data) load only on pages that render this component.
const ProvinceMap = dynamic(() => import("./province-map").then((m) => m.ProvinceMap), {
  ssr: false,
  loading: () => <ChartSkeleton className={MAP_HEIGHT_CLASS} />,
});

export type { TProvinceMapItem, TProvinceMapLabels, TProvinceMapProps } from "./province-map";

export function ProvinceMapLazy(props: TProvinceMapProps) {
  return <ProvinceMap {...props} />;
}
