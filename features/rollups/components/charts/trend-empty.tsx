import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { TREND_HEIGHT_CLASS } from "./chart-theme";

/** The trend's empty state, at the chart's height; its own module so the lazy wrapper needs no echarts. */
export function TrendEmpty({ text, className }: { text: string; className?: string }) {
  return (
    <div className={cn("grid w-full place-items-center", TREND_HEIGHT_CLASS, className)}>
      <EmptyState title={text} />
    </div>
  );
}
