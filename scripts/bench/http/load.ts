import { summarize, type TSummary } from "../stats";

// A closed-loop load generator: `clients` concurrent loops, each sending its next request as soon
// as the previous one answered, for `seconds`. Every request's latency is recorded exactly (no
// histogram buckets), so p50/p95 are those of the real samples.
export type TLoadResult = {
  seconds: number;
  ok: number;
  perSecond: number;
  errors: Record<string, number>;
  latency: TSummary;
};

/** What one request of client `c` did: `null` when the client has nothing left to send. */
export type TStep = (c: number) => Promise<{ ok: true } | { ok: false; error: string } | null>;

export async function closedLoop(clients: number, seconds: number, step: TStep): Promise<TLoadResult> {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const end = Date.now() + seconds * 1000;
  const start = performance.now();
  const loop = async (c: number) => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const r = await step(c).catch((e: unknown) => ({ ok: false as const, error: String(e).slice(0, 60) }));
      if (r === null) return;
      const took = performance.now() - t0;
      if (r.ok) latencies.push(took);
      else errors[r.error] = (errors[r.error] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => loop(c)));
  const elapsed = (performance.now() - start) / 1000;
  return {
    seconds: elapsed,
    ok: latencies.length,
    perSecond: latencies.length / elapsed,
    errors,
    latency: summarize(latencies),
  };
}

export const errorCount = (r: { errors: Record<string, number> }) =>
  Object.values(r.errors).reduce((a, b) => a + b, 0);
