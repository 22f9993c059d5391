import { useTranslations } from "next-intl";
import { formatRate } from "../lib/metrics";
import { RATE_TEXT_COLOUR, rateColour } from "../lib/rate-colour";

/** The completion-rate colour scale of the heatmap and the province tiles. */
export function RateLegend() {
  const t = useTranslations("completion");
  return (
    <p className="mt-3 flex flex-wrap items-center gap-2 text-xs text-slate-600" data-testid="rate-legend">
      {t("heatmap.legend")}
      {[0, 0.25, 0.5, 0.75, 1].map((r) => (
        <span
          key={r}
          className="rounded px-2 py-0.5 tabular-nums"
          style={{ background: rateColour(r), color: RATE_TEXT_COLOUR }}
        >
          {formatRate(r)}
        </span>
      ))}
      <span className="rounded px-2 py-0.5" style={{ background: rateColour(null), color: RATE_TEXT_COLOUR }}>
        {t("heatmap.none")}
      </span>
    </p>
  );
}
