import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitUntilUp(base: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not answer within 2 minutes");
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** The session cookie of a credentials sign-in, as the login form does it. */
async function signIn(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`page timing: ${username} could not sign in (HTTP ${res.status})`);
  return session;
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

function startApp(url: string, port: number): ChildProcess {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "utt-bench-pages-"));
  const env = {
    ...process.env,
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    NEXTAUTH_URL: undefined,
    NEXT_TELEMETRY_DISABLED: "1",
    // The measured server serves HTTP only: no scheduled job (the national relight) runs beside the timings.
    JOBS_DISABLED: process.env.JOBS_DISABLED ?? "1",
  };
  // Next's own entry (not npx), so that stopping this process stops the server.
  const next = path.join("node_modules", "next", "dist", "bin", "next");
  return spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: "ignore",
  });
}

/** Every main page (or those chosen) for every role: p50/p95 over `samples` timed requests each. */
export async function measurePages(url: string, opts: TPageOptions): Promise<TPageTiming[]> {
  if (opts.build || !fs.existsSync(".next/BUILD_ID")) {
    log("pages: next build");
    execFileSync("npx", ["next", "build"], {
      stdio: "ignore",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }
  const targets = await preparePageUsers(url);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startApp(url, port);
  try {
    await waitUntilUp(base, server);
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
    server.kill("SIGTERM");
  }
}

/** The slowest page by p95, for the RESULT line. */
export function slowestPage(timings: TPageTiming[]): TPageTiming | undefined {
  return timings.reduce<TPageTiming | undefined>((a, b) => (!a || b.s.p95 > a.s.p95 ? b : a), undefined);
}
