// Renders the option server-side (SVG renderer, no DOM) with a tiny stand-in for a deployer's approved
// map (rectangles, not borders) and checks what each region is filled with, and what its tooltip says.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { init, registerMap, use, type ECharts } from "echarts/core";
import { MapChart } from "echarts/charts";
import { TooltipComponent, VisualMapComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { NO_DATA_COLOR, RATE_COLORS } from "./chart-theme";
import { matchRegions, type TGeoFeature, type TProvinceMapItem } from "./province-map-data";
import { APPROVED_MAP_NAME, buildProvinceMapOption } from "./province-map-option";

use([MapChart, VisualMapComponent, TooltipComponent, SVGRenderer]);

const json = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "fixtures/mini-map.geo.json"), "utf8"),
) as { features: TGeoFeature[] };
const features = json.features.map((f) => ({ id: f.id, properties: { ...f.properties } }));
const items: TProvinceMapItem[] = [
  { regionCode: "650000", name: "新疆维吾尔自治区总工会", rate: 0, href: "/r/65" },
  { regionCode: "510000", name: "四川省总工会", rate: 0.5, href: "/r/51" },
  { regionCode: "130000", name: "<b>河北</b>", rate: 1, href: "/r/13" },
  { regionCode: "110000", name: "北京市总工会", rate: null, href: "/r/11" },
];
const option = buildProvinceMapOption(matchRegions(features, items).regions, {
  rate: "完成率",
  noData: "暂无任务",
});

type TSeries = {
  getData(): {
    indexOfName(n: string): number;
    getItemVisual(i: number, k: "style"): { fill?: string; decal?: unknown };
  };
  coordinateSystem: { getRegion(name: string): unknown };
};
type TInternals = { getModel(): { getSeriesByIndex(i: number): TSeries } };
let chart: ECharts;
const series = () => (chart as unknown as TInternals).getModel().getSeriesByIndex(0);
const style = (name: string) => {
  const data = series().getData();
  const index = data.indexOfName(name);
  expect(index, name).toBeGreaterThanOrEqual(0);
  return data.getItemVisual(index, "style");
};
const rgb = (hex: string) => `rgba(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(",")},1)`;

beforeAll(() => {
  registerMap(APPROVED_MAP_NAME, json as unknown as Parameters<typeof registerMap>[1]);
  chart = init(null, undefined, { renderer: "svg", ssr: true, width: 360, height: 300 });
  chart.setOption(option);
});
afterAll(() => chart.dispose());

describe("province map option", () => {
  it("colours 0%, 50% and 100% with the scale's stops", () => {
    expect(style("新疆维吾尔自治区").fill).toBe(rgb(RATE_COLORS[0]));
    expect(style("四川省").fill).toBe(rgb(RATE_COLORS[1]));
    expect(style("河北省").fill).toBe(rgb(RATE_COLORS[2]));
  });

  it("draws provinces without tasks and regions without a federation grey and striped", () => {
    for (const name of ["北京市", "台湾省"]) {
      expect(style(name).fill, name).toBeUndefined(); // no visualMap colour: the series' grey areaColor applies
      expect(style(name).decal, name).toBeTruthy();
    }
    expect(option.series).toMatchObject([{ itemStyle: { areaColor: NO_DATA_COLOR } }]);
  });

  it("draws the approved map as supplied: ECharts adds no inset of its own", () => {
    expect(series().coordinateSystem.getRegion("南海诸岛")).toBeFalsy();
    expect(series().coordinateSystem.getRegion("台湾省")).toBeTruthy();
    expect(chart.renderToSVGString()).toContain("<path");
  });

  it("shows the item's own name (escaped) and its rate or the no-data text in the tooltip", () => {
    const tooltip = option.tooltip as { formatter: (p: { name: string }) => string };
    expect(tooltip.formatter({ name: "河北省" })).toContain("&lt;b&gt;河北&lt;/b&gt;");
    expect(tooltip.formatter({ name: "四川省" })).toContain("50.0%");
    expect(tooltip.formatter({ name: "北京市" })).toContain("暂无任务");
    expect(tooltip.formatter({ name: "台湾省" })).toBe("");
  });
});
