import Link from "next/link";
import { useTranslations } from "next-intl";
import { completionHref, tasksHref } from "@/features/rollups/lib/completion-url";
import { formatRate } from "@/features/rollups/lib/metrics";
import { RATE_TEXT_COLOUR, rateColour } from "@/features/rollups/lib/rate-colour";
import { formatIndicatorValue, rateColourValue } from "../lib/indicator-metrics";
import type { TIndicatorCompletion } from "../server/get-indicator-completion";

/** The child regions (with tasks carrying the indicator) as tiles coloured by % of target. */
export function IndicatorHeatmap({ data, objective }: { data: TIndicatorCompletion; objective?: string }) {
  const t = useTranslations("indicatorViews.heatmap");
  const { indicator } = data;
  const value = (v: number | null) => `${formatIndicatorValue(v)} ${indicator.unit}`;
  const rows = data.children.filter((c) => c.metrics.tasks > 0);
  const lower = indicator.direction === "LOWER";
  return (
    <div>
      <ul className="grid grid-cols-2 gap-1.5 sm:grid-cols-4 lg:grid-cols-6" data-testid="indicator-heatmap">
        {rows.map((r) => {
          const m = r.metrics;
          return (
            <li key={r.id}>
              <Link
                href={
                  r.level === "GRASSROOTS"
                    ? tasksHref({ org: r.id, objective: indicator.measureCode })
                    : completionHref({ org: r.id, objective, view: "heatmap", indicator: indicator.id })
                }
                aria-label={t("tile", {
                  name: r.name,
                  actual: value(m.actual),
                  target: value(m.target),
                  rate: formatRate(m.rate),
                })}
                data-testid={`indicator-tile-${r.id}`}
                data-rate={m.rate ?? ""}
                className="flex h-full flex-col rounded-md px-2 py-1.5 text-xs leading-5 hover:ring-2 hover:ring-brand-600"
                style={{
                  background: rateColour(rateColourValue(m.rate, indicator.direction)),
                  color: RATE_TEXT_COLOUR,
                }}
              >
                <span className="truncate text-sm font-medium">{r.name}</span>
                <span className="tabular-nums">{m.rate === null ? t("none") : formatRate(m.rate)}</span>
                <span className="truncate tabular-nums">
                  {formatIndicatorValue(m.actual)} / {formatIndicatorValue(m.target)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      <p className="mt-3 flex flex-wrap items-center gap-2 text-xs text-slate-600">
        {t(lower ? "legendLower" : "legend")}
        {(lower ? [2, 1.5, 1] : [0, 0.5, 1]).map((r) => (
          <span
            key={r}
            className="rounded px-2 py-0.5 tabular-nums"
            style={{
              background: rateColour(rateColourValue(r, indicator.direction)),
              color: RATE_TEXT_COLOUR,
            }}
          >
            {formatRate(r)}
          </span>
        ))}
        <span
          className="rounded px-2 py-0.5"
          style={{ background: rateColour(null), color: RATE_TEXT_COLOUR }}
        >
          {t("none")}
        </span>
      </p>
    </div>
  );
}
