import { formatSummary, log, summarize, type TSummary } from "../stats";

// 完成情况 page loads through HTTP: time to the first byte (the response's headers and first body
// chunk) and to the last, for one signed-in user, requests one after another, spread over the
// instances. The first `warm` requests are dropped (route code loads on first use).
export type TPageLoad = { ttfb: TSummary; full: TSummary };

async function loadOnce(url: string, cookie: string): Promise<{ ttfb: number; full: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200 || !res.body) throw new Error(`bench: ${url} answered ${res.status}`);
  const reader = res.body.getReader();
  let ttfb = Number.NaN;
  for (;;) {
    const { done } = await reader.read();
    if (Number.isNaN(ttfb)) ttfb = performance.now() - t0;
    if (done) break;
  }
  return { ttfb, full: performance.now() - t0 };
}

export async function measurePageLoads(
  label: string,
  opts: { bases: string[]; path: string; cookie: string; samples: number; warm?: number },
): Promise<TPageLoad> {
  const warm = opts.warm ?? 5;
  const ttfb: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < warm + opts.samples; i++) {
    const r = await loadOnce(`${opts.bases[i % opts.bases.length]}${opts.path}`, opts.cookie);
    if (i < warm) continue;
    ttfb.push(r.ttfb);
    full.push(r.full);
  }
  const out = { ttfb: summarize(ttfb), full: summarize(full) };
  log(formatSummary(`${label} TTFB`, out.ttfb));
  log(formatSummary(`${label} whole page`, out.full));
  return out;
}
