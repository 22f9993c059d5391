// Exact decimal arithmetic for indicator values with 6 decimal places, in integer millionths
// (BigInt): what numeric(20,6) holds, without floating point. Values are never negative.

const SCALE = 1_000_000n;

/** "1234.5" / "1234.500000" → 1234500000n; null stays null. */
export function toMicros(s: string | null): bigint | null {
  if (s === null) return null;
  const m = /^(-?)(\d+)(?:\.(\d{0,6})\d*)?$/.exec(s.trim());
  if (!m) throw new Error(`not a decimal: ${s}`);
  const v = BigInt(m[2]!) * SCALE + BigInt((m[3] ?? "").padEnd(6, "0"));
  return m[1] ? -v : v;
}

/** 1234500000n → "1234.500000" (the text of a numeric with scale 6). */
export function fromMicros(v: bigint | null): string | null {
  if (v === null) return null;
  const neg = v < 0n;
  const a = neg ? -v : v;
  return `${neg ? "-" : ""}${a / SCALE}.${(a % SCALE).toString().padStart(6, "0")}`;
}

/** The mean rounded half away from zero to 6 places (as PostgreSQL's round(avg(x), 6)). */
export function meanMicros(vals: readonly bigint[]): bigint {
  const sum = vals.reduce((a, b) => a + b, 0n);
  const n = BigInt(vals.length);
  const neg = sum < 0n;
  const a = neg ? -sum : sum;
  const q = a / n + (2n * (a % n) >= n ? 1n : 0n);
  return neg ? -q : q;
}
