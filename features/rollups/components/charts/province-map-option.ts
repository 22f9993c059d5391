// The ECharts option of the province map, built from matched regions. Pure (no DOM), so the test can
// render it server-side and check the colours.
import type { ComposeOption } from "echarts/core";
import type { MapSeriesOption } from "echarts/charts";
import type { TooltipComponentOption, VisualMapComponentOption } from "echarts/components";
import { formatRate } from "@/features/rollups/lib/metrics";
import {
  AXIS_TEXT_COLOR,
  COMPACT_MAX_WIDTH,
  NO_DATA_COLOR,
  NO_DATA_DECAL,
  RATE_COLORS,
  REGION_BORDER_COLOR,
  REGION_HOVER_BORDER_COLOR,
} from "./chart-theme";
import { escapeHtml, tooltipRow } from "./html";
import type { TMapRegion } from "./province-map-data";

export type TProvinceMapOption = ComposeOption<
  MapSeriesOption | VisualMapComponentOption | TooltipComponentOption
>;
export type TProvinceMapLabels = { rate: string; noData: string; title: string; loadError?: string };

/**
 * The name the approved map is registered under. Deliberately not "china": for that name ECharts adds
 * its own 南海诸岛 inset and 钓鱼岛 geometry, which would alter the deployer's approved map.
 */
export const APPROVED_MAP_NAME = "approved-map";

type TDataItem = NonNullable<MapSeriesOption["data"]>[number];

function toDataItem(region: TMapRegion): TDataItem {
  const noData = { areaColor: NO_DATA_COLOR, decal: NO_DATA_DECAL };
  // No federation behind the region (台湾/香港/澳门, an inset of the approved map): grey, no hover (the tooltip formatter returns "",
  // which ECharts shows as no tooltip at all).
  if (!region.item) return { name: region.name, itemStyle: noData, emphasis: { disabled: true } };
  if (region.item.rate === null) return { name: region.name, itemStyle: noData };
  return { name: region.name, value: Math.round(region.item.rate * 1000) / 10 };
}

export function buildProvinceMapOption(
  regions: readonly TMapRegion[],
  labels: Pick<TProvinceMapLabels, "rate" | "noData">,
): TProvinceMapOption {
  const byName = new Map(regions.map((r) => [r.name, r]));
  const data = regions.map(toDataItem);
  // Root-level media (no `baseOption` key): ECharts clones the option, so reapplying it is safe.
  return {
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const item = p ? byName.get(p.name)?.item : null;
        if (!item) return "";
        const rate = item.rate === null ? labels.noData : formatRate(item.rate);
        return `<div style="font-weight:600;margin-bottom:2px">${escapeHtml(item.name)}</div>${tooltipRow(labels.rate, rate)}`;
      },
    },
    visualMap: {
      type: "continuous",
      seriesIndex: 0,
      min: 0,
      max: 100,
      calculable: false,
      inRange: { color: [...RATE_COLORS] },
      text: ["100%", "0%"],
      textStyle: { color: AXIS_TEXT_COLOR },
      orient: "vertical",
      left: 8,
      bottom: 8,
      itemWidth: 12,
      itemHeight: 120,
    },
    series: [
      {
        type: "map",
        map: APPROVED_MAP_NAME,
        roam: false,
        selectedMode: false,
        top: 8,
        bottom: 8,
        left: 8,
        right: 8,
        label: { show: false },
        itemStyle: { areaColor: NO_DATA_COLOR, borderColor: REGION_BORDER_COLOR, borderWidth: 0.8 },
        emphasis: {
          label: { show: false },
          itemStyle: { borderColor: REGION_HOVER_BORDER_COLOR, borderWidth: 1.5 },
        },
        data,
      },
    ],
    // Phones: the scale lies under the map instead of beside it.
    media: [
      {
        query: { maxWidth: COMPACT_MAX_WIDTH },
        option: {
          visualMap: { orient: "horizontal", left: "center", bottom: 4, itemWidth: 10, itemHeight: 160 },
          series: [{ top: 4, bottom: 40, left: 4, right: 4 }],
        },
      },
    ],
  };
}
