import { cn } from "@/components/ui/cn";

/** Placeholder of the chart's own height while echarts (or the map data) loads. */
export function ChartSkeleton({ className }: { className?: string }) {
  return <div aria-busy="true" className={cn("w-full animate-pulse rounded-md bg-slate-100", className)} />;
}
