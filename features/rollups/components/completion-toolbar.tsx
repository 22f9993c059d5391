import Link from "next/link";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { LinkPending } from "@/components/ui/link-pending";
import { COMPLETION_VIEWS, completionHref, type TCompletionView } from "../lib/completion-url";
import type { TObjectiveOption } from "../server/objective-scope";

const INDENT = { MAIN_TASK: "", SUB_ITEM: "\u3000", MEASURE: "\u3000\u3000" } as const;

/** View tabs (the map only nationally) and the objective scope: a plain GET form that keeps the org. */
export function CompletionToolbar({
  orgId,
  view,
  objective,
  options,
  national,
  indicator,
}: {
  orgId: number;
  view: TCompletionView;
  objective?: string;
  options: TObjectiveOption[];
  national: boolean;
  /** The chosen indicator: kept by the table and heatmap tabs (not by a new objective scope). */
  indicator?: number;
}) {
  const t = useTranslations("completion");
  const views = COMPLETION_VIEWS.filter((v) => v !== "map" || national);
  return (
    <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
      <nav aria-label={t("tabs.label")} className="flex gap-1 overflow-x-auto rounded-lg bg-slate-100 p-1">
        {views.map((v) => (
          <Link
            key={v}
            href={completionHref({
              org: orgId,
              objective,
              view: v,
              indicator: v === "table" || v === "heatmap" ? indicator : undefined,
            })}
            aria-current={v === view ? "page" : undefined}
            className={cn(
              "relative shrink-0 rounded-md px-3 py-1.5 text-sm font-medium",
              v === view ? "bg-white text-brand-700 shadow-sm" : "text-slate-600 hover:text-slate-900",
            )}
          >
            {t(`tabs.${v}`)}
            <LinkPending />
          </Link>
        ))}
      </nav>
      <form method="get" action="/completion" className="flex min-w-0 items-center gap-2">
        <input type="hidden" name="org" value={orgId} />
        {view !== "table" ? <input type="hidden" name="view" value={view} /> : null}
        <label className="min-w-0 flex-1 lg:w-96">
          <span className="sr-only">{t("objective")}</span>
          <Select name="objective" defaultValue={objective ?? ""} aria-label={t("objective")}>
            <option value="">{t("allObjectives")}</option>
            {options.map((o) => (
              <option
                key={o.id}
                value={o.code}
              >{`${INDENT[o.level]}${o.code} ${o.title.length > 28 ? `${o.title.slice(0, 28)}…` : o.title}`}</option>
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
    </div>
  );
}
