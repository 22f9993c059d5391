// Heatmap colours: red (0 %) → amber (50 %) → green (100 %), light enough for dark text.
// Luma rises with the rate (153 → 208 → 225), so the scale still reads in greyscale print.
const STOPS: [number, [number, number, number]][] = [
  [0, [248, 113, 113]], // red-400
  [0.5, [252, 211, 77]], // amber-300
  [1, [187, 247, 208]], // green-200
];

/** Text on every heatmap colour (slate-900): at least 4.5:1 against all of them. */
export const RATE_TEXT_COLOUR = "rgb(15, 23, 42)";

export function rateColour(rate: number | null): string {
  if (rate === null || Number.isNaN(rate)) return "rgb(241, 245, 249)"; // slate-100: no tasks
  const r = Math.min(1, Math.max(0, rate));
  const i = r <= 0.5 ? 0 : 1;
  const [a, ca] = STOPS[i]!;
  const [b, cb] = STOPS[i + 1]!;
  const f = (r - a) / (b - a);
  const mix = ca.map((c, k) => Math.round(c + (cb[k]! - c) * f));
  return `rgb(${mix.join(", ")})`;
}
