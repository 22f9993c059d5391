import { buildApp, sharedSettings, signIn, startApp, stopApp } from "./app-server";
import { preparePageUsers, type TPageTargets } from "./page-users";
import { log, ms, summarize, type TSummary } from "./stats";

// Page timing through HTTP: builds the app, starts it on the benchmark database, requests every
// page once to warm the server up, then signs in as one user of each role through next-auth's
// credentials flow and requests each main page N + 2 times one after another, dropping the first 2.
const DROPPED = 2;
const WARM_PASSES = 3;

export type TPageOptions = {
  build: boolean;
  samples: number;
  pageFilter: string[] | null;
  roleFilter: string[] | null;
};

export type TPageTiming = { role: string; page: string; bytes: number; s: TSummary };

function pagesOf(t: TPageTargets): [string, string][] {
  return [
    ["home", "/"],
    ["tasks", "/tasks"],
    ["task", `/tasks/${t.taskId}`],
    ["my-tasks", "/my-tasks"],
    ["review", "/review"],
    ["completion", "/completion"],
    ["heatmap", "/completion?view=heatmap"],
    ["trend", "/completion?view=trend"],
    ["bulletin", "/completion/report"],
    ["orgs", "/orgs"],
    ["org", `/orgs/${t.orgId}`],
    ["objectives", "/objectives"],
    ["measure", `/objectives/${encodeURIComponent(t.measureCode)}`],
    ["notifications", "/notifications"],
    ["users", "/users"],
    ["new-task", "/tasks/new"],
  ];
}

/** Milliseconds and bytes of one full response; null when the page is not the user's (403/404/redirect). */
async function timeOnce(url: string, cookie: string): Promise<{ ms: number; bytes: number } | null> {
  const t0 = process.hrtime.bigint();
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await res.arrayBuffer();
  const took = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.status === 200) return { ms: took, bytes: body.byteLength };
  if ([302, 303, 307, 403, 404].includes(res.status)) return null;
  throw new Error(`page timing: ${url} answered ${res.status}`);
}

async function timePage(
  url: string,
  cookie: string,
  n: number,
): Promise<{ s: TSummary; bytes: number } | null> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n + DROPPED; i++) {
    const r = await timeOnce(url, cookie);
    if (!r) return null;
    if (i >= DROPPED) samples.push(r.ms);
    bytes = r.bytes;
  }
  return { s: summarize(samples), bytes };
}

/** Every main page (or those chosen) for every role: p50/p95 over `samples` timed requests each. */
export async function measurePages(url: string, opts: TPageOptions): Promise<TPageTiming[]> {
  buildApp(opts.build);
  const targets = await preparePageUsers(url);
  // The measured server serves HTTP only: no scheduled job (the national relight) runs beside the timings.
  const app = await startApp(url, sharedSettings({ JOBS_DISABLED: process.env.JOBS_DISABLED ?? "1" }));
  const base = app.base;
  try {
    // Warm the server up first: a fresh server loads each route's code on first use, and V8
    // optimises the render path only after a few hundred requests. With one pass over the pages
    // as one user, the first role measured (the national manager) was charged for that warm-up:
    // the same task page took twice as long for it as for the roles measured after it. So every
    // page is requested WARM_PASSES times as every role before any is timed.
    for (let pass = 0; pass < WARM_PASSES; pass++)
      for (const user of targets.users) {
        const warm = await signIn(base, user.username, targets.password);
        for (const [, p] of pagesOf(targets)) await timeOnce(`${base}${p}`, warm);
      }
    const out: TPageTiming[] = [];
    const users = targets.users.filter(
      (u) => !opts.roleFilter || opts.roleFilter.some((r) => u.role.startsWith(r)),
    );
    const pages = pagesOf(targets).filter(([page]) => !opts.pageFilter || opts.pageFilter.includes(page));
    log(`pages: ${pages.length} pages × ${users.length} roles, ${opts.samples} timed requests each`);
    for (const user of users) {
      const cookie = await signIn(base, user.username, targets.password);
      for (const [page, p] of pages) {
        const r = await timePage(`${base}${p}`, cookie, opts.samples);
        if (!r) continue;
        out.push({ role: user.role, page, bytes: r.bytes, s: r.s });
        log(
          `pages: ${user.role.padEnd(17)} ${page.padEnd(13)} p50=${ms(r.s.p50).padStart(7)} ms  p95=${ms(r.s.p95).padStart(7)} ms  ${Math.round(r.bytes / 1024)} KB`,
        );
      }
    }
    return out;
  } finally {
    await stopApp(app);
  }
}

/** The slowest page by p95, for the RESULT line. */
export function slowestPage(timings: TPageTiming[]): TPageTiming | undefined {
  return timings.reduce<TPageTiming | undefined>((a, b) => (!a || b.s.p95 > a.s.p95 ? b : a), undefined);
}
