// Splitting an indicator's target across the receiving orgs (pure; the 下达/分解 form shows the result).

/** Whole numbers when the total is whole, else hundredths. */
export const splitScale = (total: number): 1 | 100 => (Number.isInteger(total) ? 1 : 100);

/**
 * Splits `total` in proportion to `weights` (equal weights = an equal split) so that the parts add
 * up to the total exactly: each part is rounded down to the unit (1, or 0.01 when the total is not
 * whole), and the units left over go one each to the largest remainders (ties: the earlier org).
 * With no positive weight the total is split equally. Parts are returned in the order of `weights`.
 */
export function splitTotal(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (!(total >= 0) || !Number.isFinite(total))
    throw new RangeError("total must be a finite non-negative number");
  const scale = splitScale(total);
  // Integer units: the total in units is exact (at most 2 decimals are ever split).
  const units = Math.round(total * scale);
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? clean : clean.map(() => 1);
  const shareSum = sum > 0 ? sum : n;
  const base: number[] = [];
  const rest: { i: number; r: number }[] = [];
  for (let i = 0; i < n; i++) {
    // Exact integer arithmetic where it fits (weights are member counts): units * w / sum.
    const num = BigInt(units) * BigInt(Math.round(shares[i]! * 1e6));
    const den = BigInt(Math.round(shareSum * 1e6));
    const q = num / den;
    base.push(Number(q));
    rest.push({ i, r: Number(num - q * den) / Number(den) });
  }
  let left = units - base.reduce((a, b) => a + b, 0);
  rest.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) base[rest[k]!.i]! += 1;
  return base.map((u) => (scale === 1 ? u : Number((u / 100).toFixed(2))));
}

/** The sum of parts in hundredths (no float drift), for comparing against a parent's target. */
export function sumParts(parts: readonly number[]): number {
  return parts.reduce((a, p) => a + Math.round(p * 100), 0) / 100;
}
