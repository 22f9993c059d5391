import { ProvinceMapLazy, type TProvinceMapProps } from "./charts/province-map-lazy";
import { TrendChartLazy, type TTrendChartProps } from "./charts/trend-chart-lazy";

// The charts of the completion page; each loads echarts only where it is shown.
export function CompletionMap(props: TProvinceMapProps) {
  return (
    <div data-testid="province-map">
      <ProvinceMapLazy {...props} />
    </div>
  );
}

export function CompletionTrend(props: TTrendChartProps) {
  return (
    <div data-testid="trend-chart">
      <TrendChartLazy {...props} />
    </div>
  );
}
