import { formatRate } from "@/features/rollups/lib/metrics";
import { RATE_TEXT_COLOUR, rateColour } from "@/features/rollups/lib/rate-colour";
import { rateColourValue, type TDirection } from "../lib/indicator-metrics";

/** % of target on the heatmap's colour scale (inverted for LOWER indicators). */
export function RateChip({ rate, direction }: { rate: number | null; direction: TDirection }) {
  if (rate === null) return <span>—</span>;
  return (
    <span
      className="inline-block rounded px-1.5 tabular-nums"
      style={{ background: rateColour(rateColourValue(rate, direction)), color: RATE_TEXT_COLOUR }}
    >
      {formatRate(rate)}
    </span>
  );
}
