import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startApp, stopApp, type TApp, type TAppShared } from "../scripts/bench/app-server";
import { findAction } from "../scripts/bench/http/action";
import { startTestS3, type TTestS3 } from "../tests/helpers/s3rver";
import { DEMO_PASSWORD } from "./fixtures/auth";
import { PNG } from "./fixtures/tasks";

// Two app instances of the built app on one PostgreSQL database and one object store (s3rver), as
// behind a reverse proxy (DEPLOY.md): each with its own data folder, so nothing they share can come
// from a local disk. Only the session secret is common. PostgreSQL only: PGlite is one process.
test.skip(!process.env.TEST_DATABASE_URL, "several instances need PostgreSQL (TEST_DATABASE_URL)");
test.describe.configure({ mode: "serial", timeout: 180_000 });

const dbName = `utt_multi_${process.env.E2E_PORT}`;
let url = "";
let s3: TTestS3;
let apps: TApp[] = [];
const dataDirs: string[] = [];

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = [], conn = url) {
  const client = new pg.Client({ connectionString: conn });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const admin = process.env.TEST_DATABASE_URL!;
  await sql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`, [], admin);
  await sql(`CREATE DATABASE ${dbName}`, [], admin);
  const u = new URL(admin);
  u.pathname = `/${dbName}`;
  url = u.toString();
  s3 = await startTestS3();
  // Migrations and seed once per release, before the instances start (DEPLOY.md).
  const setupDir = fs.mkdtempSync(path.join(os.tmpdir(), "utt-multi-setup-"));
  dataDirs.push(setupDir);
  execFileSync("npx", ["tsx", "scripts/db-setup.ts"], {
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: url, DATA_DIR: setupDir, SEED_DEMO_USERS: "1", ...s3.env },
  });
  const secret = crypto.randomBytes(32).toString("hex");
  apps = await Promise.all(
    [1, 2].map((n) => {
      const shared: TAppShared = {
        secret,
        dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `utt-multi-${n}-`)),
        env: { ...s3.env },
      };
      dataDirs.push(shared.dataDir);
      return startApp(url, shared);
    }),
  );
});

test.afterAll(async () => {
  await Promise.all(apps.map(stopApp));
  await s3?.close();
  for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  await sql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`, [], process.env.TEST_DATABASE_URL!).catch(
    () => undefined,
  );
});

const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    : [];

/** A credentials sign-in on one instance; false when refused. */
async function signIn(api: APIRequestContext, base: string, login: { username: string; password?: string }) {
  const { username, password = DEMO_PASSWORD } = login;
  const csrf = await api.get(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await api.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken, username, password, json: "true" },
    maxRedirects: 0,
  });
  const state = await api.storageState();
  return state.cookies.some((c) => c.name.includes("next-auth.session-token"));
}

/** A server action as the browser calls it (its id from the build), on one instance. */
async function act(
  api: APIRequestContext,
  base: string,
  call: { name: string; input: Record<string, unknown> },
) {
  const { name, input } = call;
  const action = findAction("features/tasks/actions.ts", name);
  const res = await api.post(`${base}${action.page.replace("[id]", String(input.taskId ?? 0))}`, {
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: base,
    },
    data: JSON.stringify([input]),
  });
  const body = await res.text();
  expect(body, `${name} on ${base}`).toContain('"ok":true');
  return body;
}

test("a task changed and evidence uploaded on one instance show on the other", async ({
  browser,
  playwright,
}) => {
  const [one, two] = apps.map((a) => a.base) as [string, string];
  const measure = (await sql<{ id: number }>(`SELECT id FROM "Objective" WHERE code = '3.2.2.1'`))[0]!.id;
  const hengda = (await sql<{ id: number }>(`SELECT id FROM "Org" WHERE code = '1301230001'`))[0]!.id;

  // 河北 assigns on instance 1; the branch chair signs on instance 2.
  const hebei = await playwright.request.newContext();
  expect(await signIn(hebei, one, { username: "hebei" })).toBe(true);
  await act(hebei, one, {
    name: "assignTasksAction",
    input: {
      clientToken: crypto.randomUUID(),
      objectiveIds: [measure],
      target: { mode: "orgs", orgIds: [hengda] },
      dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    },
  });
  const task = (
    await sql<{ id: number; version: number }>(
      `SELECT id, version FROM "Task" WHERE "objectiveId" = $1 AND "orgId" = $2`,
      [measure, hengda],
    )
  )[0]!;
  const chair = await playwright.request.newContext();
  expect(await signIn(chair, two, { username: "hengda.chair" })).toBe(true);
  await act(chair, two, { name: "signTaskAction", input: { taskId: task.id, version: task.version } });

  // Evidence uploaded through instance 1 goes to the bucket, not to instance 1's folder …
  const upload = await chair.post(`${one}/api/tasks/${task.id}/attachments?purpose=progress`, {
    multipart: { file: { name: "现场.png", mimeType: "image/png", buffer: PNG } },
  });
  expect(upload.status()).toBe(201);
  const { id: attachmentId } = (await upload.json()) as { id: number };
  expect(filesUnder(path.join(dataDirs[1]!, "uploads"))).toEqual([]);

  // … and the progress it backs is reported through instance 2.
  const version = (await sql<{ version: number }>(`SELECT version FROM "Task" WHERE id = $1`, [task.id]))[0]!
    .version;
  await act(chair, two, {
    name: "logProgressAction",
    input: {
      taskId: task.id,
      version,
      clientToken: crypto.randomUUID(),
      percent: 40,
      state: "NORMAL",
      narrative: "两台实例之间的进展",
      attachmentIds: [attachmentId],
    },
  });

  // 河北's browser on instance 2 sees the change made there and the evidence uploaded on instance 1.
  const page = await browser.newPage({ baseURL: two });
  const state = await hebei.storageState();
  await page.context().addCookies(state.cookies);
  await page.goto(`/tasks/${task.id}`);
  await expect(page.getByTestId("progress-history").getByText("两台实例之间的进展")).toBeVisible();
  const download = await page.request.get(`${two}/api/attachments/${attachmentId}`);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(PNG)).toBe(true);
  await page.close();
});

test("sign-in failures on one instance count on the other", async ({ playwright }) => {
  const [one, two] = apps.map((a) => a.base) as [string, string];
  const api = await playwright.request.newContext();
  // The lock comes after 5 failures of one account from one source (the default settings):
  // 3 on instance 1 and 2 on instance 2 lock it only when both count into one store.
  for (const base of [one, one, one, two, two])
    expect(await signIn(api, base, { username: "wuchang", password: "wrong-password" })).toBe(false);
  expect(await signIn(api, one, { username: "wuchang" })).toBe(false);
  expect(await signIn(api, two, { username: "wuchang" })).toBe(false);
  const locks = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM "LoginLock" WHERE username = 'wuchang' AND until > now() AND "unlockedAt" IS NULL`,
  );
  expect(locks[0]!.n).toBe(1);
  // Another account from the same source is not affected.
  expect(await signIn(await playwright.request.newContext(), two, { username: "wuchang.chair" })).toBe(true);
});

test("a scheduled job runs once per slot with both instances running the queue", async () => {
  test.setTimeout(240_000);
  // import-recovery is scheduled every minute; both instances run pg-boss workers (JOBS_DISABLED unset).
  // Run twice, a slot's two runs would start within a second or two of each other (both workers poll);
  // runs of consecutive slots are about a minute apart (at least ~30 s: pg-boss checks cron every 30 s).
  const runs = async () =>
    (
      await sql<{ at: Date }>(
        `SELECT "startedAt" AS at FROM "JobRun"
         WHERE job = 'import-recovery' AND trigger = 'SCHEDULE' AND attempt = 0 ORDER BY "startedAt"`,
      )
    ).map((r) => r.at.getTime());
  await expect
    .poll(async () => (await runs()).length, { timeout: 200_000, intervals: [5_000] })
    .toBeGreaterThanOrEqual(3);
  const at = await runs();
  const gaps = at.slice(1).map((t, i) => t - at[i]!);
  expect(Math.min(...gaps), `gaps between runs: ${gaps.join(", ")} ms`).toBeGreaterThan(10_000);
  expect(at.length).toBeLessThanOrEqual(Math.floor((at.at(-1)! - at[0]!) / 60_000) + 2);
  const failed = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "JobRun" WHERE status = 'FAILED'`);
  expect(failed[0]!.n).toBe(0);
});
