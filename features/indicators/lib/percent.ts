/** The actual as a percentage of the target, one decimal (null without a positive target or an actual). */
export function percentOfTarget(actual: number | null, target: number | null): number | null {
  if (actual === null || target === null || !(target > 0)) return null;
  return Math.round((actual / target) * 1000) / 10;
}
