/** A progress percent for display: derived progress is exact (4.545455), shown to one decimal ("4.5"). */
export function formatPercent(v: number): string {
  return String(Math.round(v * 10) / 10);
}
