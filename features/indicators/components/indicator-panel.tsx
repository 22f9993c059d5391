import { useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { TIndicatorCompletion } from "../server/get-indicator-completion";
import { IndicatorHeatmap } from "./indicator-heatmap";
import { IndicatorTable } from "./indicator-table";

/** The chosen indicator on the completion page: its table (地区表) or its heatmap (热力图). */
export function IndicatorPanel({
  data,
  view,
  objective,
}: {
  data: TIndicatorCompletion;
  view: "table" | "heatmap";
  objective?: string;
}) {
  const t = useTranslations("indicatorViews");
  const { indicator } = data;
  const title = { name: indicator.name, unit: indicator.unit };
  const empty = data.region.tasks === 0 && data.childTotal.tasks === 0;
  return (
    <Card className="mb-4" data-testid="indicator-panel">
      <CardHeader title={t(view === "heatmap" ? "heatmap.title" : "table.title", title)} />
      <p className="px-4 pt-3 text-xs text-slate-500">
        {t("table.measure", { code: indicator.measureCode, title: indicator.measureTitle })}
      </p>
      {empty ? (
        <EmptyState title={t("table.noFigures")} />
      ) : view === "heatmap" ? (
        <div className="p-3">
          <IndicatorHeatmap data={data} objective={objective} />
        </div>
      ) : (
        <IndicatorTable data={data} objective={objective} />
      )}
      <p className="px-4 py-3 text-xs leading-5 text-slate-600" data-testid="indicator-note">
        {t(indicator.aggregation === "AVERAGE" ? "table.noteAverage" : "table.noteSum")}
        {indicator.direction === "LOWER" ? ` ${t("table.noteLower")}` : null}
      </p>
    </Card>
  );
}
