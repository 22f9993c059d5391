import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import type { TCompletionView } from "@/features/rollups/lib/completion-url";
import type { TScopedIndicator } from "../server/scoped-indicators";

/**
 * The indicator of the completion table and heatmap: a plain GET form that keeps the org, the
 * view and the objective scope; it lists the indicators of the measures in that scope.
 */
export function IndicatorPicker({
  orgId,
  view,
  objective,
  options,
  selected,
}: {
  orgId: number;
  view: TCompletionView;
  objective?: string;
  options: TScopedIndicator[];
  selected?: number;
}) {
  const t = useTranslations("indicatorViews.picker");
  if (options.length === 0)
    return (
      <p className="mb-4 text-sm text-slate-500" role="status" data-testid="indicator-empty">
        {t("empty")}
      </p>
    );
  return (
    <form method="get" action="/completion" className="mb-4 flex min-w-0 items-center gap-2">
      <input type="hidden" name="org" value={orgId} />
      {view !== "table" ? <input type="hidden" name="view" value={view} /> : null}
      {objective ? <input type="hidden" name="objective" value={objective} /> : null}
      <label className="flex min-w-0 flex-1 items-center gap-2 text-sm font-medium text-slate-700 lg:max-w-xl">
        <span className="shrink-0">{t("label")}</span>
        <Select name="indicator" defaultValue={selected ?? ""} data-testid="indicator-select">
          <option value="">{t("none")}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {t("option", {
                code: o.measureCode,
                name: o.name,
                unit: o.unit,
                retired: o.retired ? t("retired") : "",
              })}
            </option>
          ))}
        </Select>
      </label>
      <button
        type="submit"
        className="h-10 shrink-0 rounded-md bg-slate-800 px-4 text-sm font-medium text-white hover:bg-slate-900"
      >
        {t("apply")}
      </button>
    </form>
  );
}
