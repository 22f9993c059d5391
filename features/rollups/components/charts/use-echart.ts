"use client";

import { useEffect, useRef, useState } from "react";
import { init, type ECElementEvent, type ECharts, type EChartsCoreOption } from "echarts/core";

/**
 * One ECharts instance bound to a container element: created when the element mounts, resized with
 * it (ResizeObserver), disposed when it unmounts. The caller registers its chart types and a renderer
 * with `use([...])` from "echarts/core" at module level, so each chart bundles only what it draws.
 *
 * Returns a callback ref for the container, which must have a size of its own (width and height).
 */
export function useEChart(option: EChartsCoreOption | null, onClick?: (event: ECElementEvent) => void) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const chartRef = useRef<ECharts | null>(null);
  const optionRef = useRef(option);
  const clickRef = useRef(onClick);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  // Declared before the init effect: on mount it only records the option; the init effect applies it.
  useEffect(() => {
    optionRef.current = option;
    if (option) chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    if (!element) return;
    const chart = init(element, undefined, { renderer: "canvas" });
    chartRef.current = chart;
    if (optionRef.current) chart.setOption(optionRef.current, { notMerge: true });
    chart.on("click", (event) => clickRef.current?.(event));
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!chart.isDisposed()) chart.resize();
      });
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [element]);

  return setElement;
}
