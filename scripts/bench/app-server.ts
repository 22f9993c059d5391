import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { log } from "./stats";

// The built app as the benchmarks run it: `next start` on a free port against a given database,
// and a credentials sign-in through next-auth as the login form does it. Several instances share
// one session secret and one data folder, as instances behind a reverse proxy do (DEPLOY.md).

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Builds the app unless asked not to and a build exists. */
export function buildApp(build: boolean): void {
  if (!build && fs.existsSync(".next/BUILD_ID")) return;
  log("app: next build");
  execFileSync("npx", ["next", "build"], {
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

export type TApp = { base: string; server: ChildProcess };

/** Shared by the instances of one run: the session secret and the data folder. */
export type TAppShared = { secret: string; dataDir: string; env?: Record<string, string> };

export function sharedSettings(env?: Record<string, string>): TAppShared {
  return {
    secret: crypto.randomBytes(32).toString("hex"),
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "utt-bench-app-")),
    env,
  };
}

export async function startApp(url: string, shared: TAppShared = sharedSettings()): Promise<TApp> {
  const port = await freePort();
  const env = {
    ...process.env,
    ...shared.env,
    DATABASE_URL: url,
    DATA_DIR: shared.dataDir,
    NEXTAUTH_SECRET: shared.secret,
    NEXTAUTH_URL: undefined,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Next's own entry (not npx), so that stopping this process stops the server.
  const next = path.join("node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilUp(base, server);
  return { base, server };
}

export async function stopApp(app: TApp): Promise<void> {
  if (app.server.exitCode !== null) return;
  const exited = new Promise((r) => app.server.once("exit", r));
  app.server.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
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
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`bench: ${username} could not sign in (HTTP ${res.status})`);
  return session;
}
