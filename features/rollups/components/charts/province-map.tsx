"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { use as registerEcharts, type ECElementEvent } from "echarts/core";
import { MapChart } from "echarts/charts";
import { TooltipComponent, VisualMapComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { cn } from "@/components/ui/cn";
import { ChartSkeleton } from "./chart-skeleton";
import { MAP_HEIGHT_CLASS } from "./chart-theme";
import { loadChinaGeo } from "./china-geo";
import { matchRegions, type TGeoFeature, type TProvinceMapItem } from "./province-map-data";
import { buildProvinceMapOption, type TProvinceMapLabels } from "./province-map-option";
import { useEChart } from "./use-echart";

registerEcharts([MapChart, VisualMapComponent, TooltipComponent, CanvasRenderer]);

export type { TProvinceMapItem, TProvinceMapLabels };
export type TProvinceMapProps = { items: TProvinceMapItem[]; labels: TProvinceMapLabels; className?: string };

/** Provinces coloured by completion rate; a click opens the province's page (item.href). */
export function ProvinceMap({ items, labels, className }: TProvinceMapProps) {
  const router = useRouter();
  const [features, setFeatures] = useState<TGeoFeature[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    loadChinaGeo().then(
      (f) => live && setFeatures(f),
      (error: unknown) => {
        console.error(error);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const regions = useMemo(() => (features ? matchRegions(features, items).regions : null), [features, items]);
  const { rate, noData } = labels;
  const option = useMemo(
    () => (regions ? buildProvinceMapOption(regions, { rate, noData }) : null),
    [regions, rate, noData],
  );

  const onClick = useCallback(
    (event: ECElementEvent) => {
      const href = regions?.find((r) => r.name === event.name)?.item?.href;
      if (href) router.push(href);
    },
    [regions, router],
  );
  const ref = useEChart(option, onClick);

  return (
    <div
      role="figure"
      aria-label={labels.title}
      className={cn("relative w-full", MAP_HEIGHT_CLASS, className)}
    >
      <div ref={ref} className="absolute inset-0" />
      {!option && !failed ? <ChartSkeleton className="absolute inset-0 h-full" /> : null}
      {failed ? (
        <p
          role="alert"
          className="absolute inset-0 grid place-items-center px-4 text-center text-sm text-slate-500"
        >
          {labels.loadError ?? labels.noData}
        </p>
      ) : null}
    </div>
  );
}
