// Latency statistics and progress output shared by every measurement.

/** The q-quantile (0..1) of the samples, nearest-rank; NaN when there are none. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export type TSummary = { n: number; p50: number; p95: number; max: number };

export function summarize(samples: readonly number[]): TSummary {
  return {
    n: samples.length,
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    max: quantile(samples, 1),
  };
}

export const ms = (x: number): string => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : "NaN");

export function formatSummary(label: string, s: TSummary): string {
  return `${label.padEnd(34)} n=${String(s.n).padStart(5)}  p50=${ms(s.p50).padStart(8)} ms  p95=${ms(s.p95).padStart(8)} ms  max=${ms(s.max).padStart(8)} ms`;
}

/** Milliseconds taken by `fn` (high-resolution clock). */
export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, value];
}

const started = Date.now();

/** One progress line, prefixed with the seconds since the benchmark started. */
export function log(message: string): void {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(7)}s] ${message}`);
}

/** Deterministic pseudo-random numbers (LCG), so runs pick comparable samples. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)]!;
