import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TJobName } from "@/features/jobs/lib/names";
import { cronOf, nextRunAfter } from "@/features/jobs/lib/schedule";
import { startInProcessRunner } from "@/features/jobs/server/inprocess-runner";
import { getJobsOverview } from "@/features/jobs/server/overview";
import {
  JOBS_TZ,
  sendManualRun,
  startPgBossRunner,
  type TPgBossRunner,
} from "@/features/jobs/server/pgboss-runner";
import { KEEP_PER_JOB, pruneJobRuns } from "@/features/jobs/server/prune";
import { JOBS, type TJobDef } from "@/features/jobs/server/registry";
import { runJobNow } from "@/features/jobs/server/run-now";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const runsOf = (job: string) => t.db.jobRun.findMany({ where: { job }, orderBy: { id: "asc" } });
async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const end = Date.now() + 20_000;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await sleep(200);
  }
}
/** An hourly slot half an hour away: a job that runs only when sent during the test. */
const farSlot = () => ({ everyMinutes: 60, offsetMinutes: (new Date().getUTCMinutes() + 30) % 60 });
/** A job of the test's own (the registry's names are the app's; JobRun.job is any string). */
function testJob(name: string, run: TJobDef["run"], over: Partial<TJobDef> = {}): TJobDef {
  return {
    name: name as TJobName,
    schedule: { everyMinutes: 1 },
    retry: { limit: 0, delaySeconds: 0, maxDelaySeconds: 0 },
    expireInSeconds: 60,
    startupDelayMs: 0,
    run,
    ...over,
  };
}

describe("the in-process runner (embedded PGlite; PostgreSQL too)", () => {
  it("records a run of each job when its timer fires, failures with a sanitised message", async () => {
    const runner = startInProcessRunner({
      db: t.db,
      jobs: [
        testJob("ip-ok", async () => ({ done: 3 }), { startupDelayMs: 10 }),
        testJob(
          "ip-bad",
          async () => {
            throw new Error("boom at postgresql://u:secret@host/db\n  at stack line");
          },
          { startupDelayMs: 10 },
        ),
      ],
    });
    try {
      const ok = await until(
        "ip-ok",
        () => runsOf("ip-ok"),
        (r) => r[0]?.status === "SUCCEEDED",
      );
      expect(ok).toHaveLength(1);
      expect(ok[0]).toMatchObject({ trigger: "SCHEDULE", attempt: 0, summary: { done: 3 } });
      expect(ok[0]!.finishedAt!.getTime()).toBeGreaterThanOrEqual(ok[0]!.startedAt.getTime());
      const bad = await until(
        "ip-bad",
        () => runsOf("ip-bad"),
        (r) => r[0]?.status === "FAILED",
      );
      expect(bad[0]!.error).toBe("Error: boom at [url]");
      // The next tick is a minute away: the runner says when.
      expect(runner.nextRuns.get("ip-ok")!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    } finally {
      runner.stop();
    }
  });

  // On PostgreSQL 立即运行 queues through pg-boss (below).
  it.skipIf(!!process.env.TEST_DATABASE_URL)(
    "runs a job of the registry now (立即运行 on PGlite), audited, and /system/jobs shows it",
    async () => {
      const admin = { id: 4242, username: "sysadmin-test" }; // the trail keeps no foreign key
      expect(await runJobNow(admin, "job-runs-prune")).toEqual({ outcome: "SUCCEEDED" });
      const [run] = await runsOf("job-runs-prune");
      expect(run).toMatchObject({
        status: "SUCCEEDED",
        trigger: "MANUAL",
        summary: { deleted: 0, interrupted: 0 },
      });
      const audit = await t.db.auditEvent.findFirstOrThrow({
        where: { action: "job.run" },
        orderBy: { id: "desc" },
      });
      expect(audit).toMatchObject({ actorId: admin.id, targetType: "job", targetId: "job-runs-prune" });
      const overview = await getJobsOverview(new Date(), t.db);
      expect(overview.map((j) => j.name)).toEqual(JOBS.map((j) => j.name));
      const prune = overview.find((j) => j.name === "job-runs-prune")!;
      expect(prune.lastRun).toMatchObject({
        id: run!.id,
        status: "SUCCEEDED",
        trigger: "MANUAL",
        error: null,
      });
      expect(prune.lastRun!.startedAt).toBeInstanceOf(Date);
      expect(prune.lastRun!.finishedAt).toBeInstanceOf(Date);
      expect(prune.failedCount).toBe(0);
      // No runner in this process (the test started none): no next run to show.
      expect(prune.nextRunAt).toBeNull();
    },
  );
});

describe("the overview of /system/jobs", () => {
  it("shows each job's newest run and its failures among the last 20, newest first", async () => {
    const base = Date.now() - 3600_000;
    const rows = Array.from({ length: 25 }, (_, i) => ({
      job: "upload-cleanup",
      instance: "host:1",
      // The oldest five failed (outside the last 20), then runs 7, 12 and 16 failed.
      status: (i < 5 || i === 7 || i === 12 || i === 16 ? "FAILED" : "SUCCEEDED") as "FAILED" | "SUCCEEDED",
      error: i < 5 || i === 7 || i === 12 || i === 16 ? `Error: run ${i}` : null,
      startedAt: new Date(base + i * 60_000),
      finishedAt: new Date(base + i * 60_000 + 1500),
    }));
    await t.db.jobRun.createMany({ data: rows });
    const now = new Date();
    const job = (await getJobsOverview(now, t.db)).find((j) => j.name === "upload-cleanup")!;
    expect(job.lastRun).toMatchObject({ status: "SUCCEEDED", instance: "host:1" });
    expect(job.lastRun!.startedAt.getTime()).toBe(base + 24 * 60_000);
    expect(job.failedCount).toBe(3);
    expect(job.failures.map((f) => f.error)).toEqual(["Error: run 16", "Error: run 12", "Error: run 7"]);
    expect(job.cron).toBe("7 * * * *");
  });
});

describe("pruning the run history", () => {
  it("keeps 30 days and KEEP_PER_JOB rows per job, and closes RUNNING rows whose process died", async () => {
    const now = new Date();
    const day = 86_400_000;
    await t.db.jobRun.deleteMany({ where: { job: { startsWith: "prune-" } } });
    await t.db.jobRun.createMany({
      data: [
        {
          job: "prune-old",
          instance: "x",
          status: "SUCCEEDED",
          startedAt: new Date(now.getTime() - 31 * day),
        },
        {
          job: "prune-old",
          instance: "x",
          status: "SUCCEEDED",
          startedAt: new Date(now.getTime() - 29 * day),
        },
        {
          job: "prune-stale",
          instance: "x",
          status: "RUNNING",
          startedAt: new Date(now.getTime() - 3 * 3600_000),
        },
        { job: "prune-stale", instance: "x", status: "RUNNING", startedAt: new Date(now.getTime() - 60_000) },
        ...Array.from({ length: KEEP_PER_JOB + 5 }, (_, i) => ({
          job: "prune-many",
          instance: "x",
          status: "SUCCEEDED" as const,
          startedAt: new Date(now.getTime() - i * 60_000),
        })),
      ],
    });
    const r = await pruneJobRuns(t.db, now);
    expect(r).toEqual({ deleted: 1 + 5, interrupted: 1 });
    expect(await t.db.jobRun.count({ where: { job: "prune-old" } })).toBe(1);
    const many = await t.db.jobRun.findMany({ where: { job: "prune-many" }, orderBy: { startedAt: "asc" } });
    expect(many).toHaveLength(KEEP_PER_JOB);
    // The newest are kept: the oldest left is KEEP_PER_JOB − 1 minutes old.
    expect(now.getTime() - many[0]!.startedAt.getTime()).toBe((KEEP_PER_JOB - 1) * 60_000);
    const stale = await runsOf("prune-stale");
    expect(stale.map((s) => s.status)).toEqual(["FAILED", "RUNNING"]);
  });
});

// Only PostgreSQL has pg-boss (and two instances on one database): on PGlite these show as skipped.
describe.skipIf(!process.env.TEST_DATABASE_URL)("pg-boss across instances (PostgreSQL only)", () => {
  const started: TPgBossRunner[] = [];
  const start = async (jobs: TJobDef[], schema: string, work = true) => {
    const r = await startPgBossRunner({
      connectionString: t.url!,
      schema,
      jobs,
      work,
      db: t.db,
      pollingIntervalSeconds: 0.5,
      cronMonitorIntervalSeconds: 1,
    });
    started.push(r);
    return r;
  };
  afterAll(async () => {
    for (const r of started.reverse()) await r.stop();
  });

  it("runs a scheduled slot once although two instances run the schedule", async () => {
    // Stay inside one minute (one slot of `* * * * *`): start at second 2–40.
    const s = new Date().getUTCSeconds();
    if (s < 2 || s > 40) await sleep(((62 - s) % 60) * 1000);
    const minute = Math.floor(Date.now() / 60_000);
    const ran: string[] = [];
    const job = (who: string) => testJob("two-once", async () => (ran.push(who), { ok: true }));
    await Promise.all([start([job("a")], "pgboss_two"), start([job("b")], "pgboss_two")]);
    await until(
      "the slot's run",
      () => runsOf("two-once"),
      (r) => r[0]?.status === "SUCCEEDED",
    );
    await sleep(6_000); // both instances ran several cron passes meanwhile
    expect(Math.floor(Date.now() / 60_000), "the test left its minute").toBe(minute);
    const runs = await runsOf("two-once");
    expect(runs).toHaveLength(1);
    expect(ran).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "SCHEDULE", status: "SUCCEEDED" });
  });

  it("queues one manual run however often 立即运行 is pressed, from either instance", async () => {
    let calls = 0;
    const slow = testJob(
      "two-manual",
      async () => {
        calls++;
        await sleep(1500);
        return { calls };
      },
      { schedule: farSlot() },
    );
    // Send-only instances (a web server under JOBS_DISABLED) first: nothing runs yet.
    const [a, b] = await Promise.all([
      start([slow], "pgboss_manual", false),
      start([slow], "pgboss_manual", false),
    ]);
    const sent = await Promise.all([
      sendManualRun(a.boss, slow),
      sendManualRun(b.boss, slow),
      sendManualRun(a.boss, slow),
    ]);
    expect(sent.filter(Boolean)).toHaveLength(1);
    await start([slow], "pgboss_manual");
    const runs = await until(
      "the manual run",
      () => runsOf("two-manual"),
      (r) => r[0]?.status === "SUCCEEDED",
    );
    await sleep(1000);
    expect(await runsOf("two-manual")).toHaveLength(1);
    expect(runs[0]!.trigger).toBe("MANUAL");
    expect(calls).toBe(1);
  });

  it("retries a failing job with back-off and records every attempt", async () => {
    let n = 0;
    const flaky = testJob(
      "flaky",
      async () => {
        n++;
        if (n <= 2) throw new Error(`attempt ${n} failed`);
        return { n };
      },
      { retry: { limit: 3, delaySeconds: 1, maxDelaySeconds: 8 }, schedule: farSlot() },
    );
    const r = await start([flaky], "pgboss_retry");
    expect(await sendManualRun(r.boss, flaky)).toBeTruthy();
    const runs = await until(
      "three attempts",
      () => runsOf("flaky"),
      (x) => x.length === 3 && x[2]!.status !== "RUNNING",
    );
    expect(runs.map((x) => [x.attempt, x.status, x.error])).toEqual([
      [0, "FAILED", "Error: attempt 1 failed"],
      [1, "FAILED", "Error: attempt 2 failed"],
      [2, "SUCCEEDED", null],
    ]);
    // Back-off: the first retry waits 1–2 s, the second 2–4 s (retryDelay × 2^n with jitter).
    const gap = (i: number) => runs[i]!.startedAt.getTime() - runs[i - 1]!.finishedAt!.getTime();
    expect(gap(1)).toBeGreaterThanOrEqual(900);
    expect(gap(2)).toBeGreaterThanOrEqual(1900);
  });

  it("立即运行 on PostgreSQL queues one run through pg-boss, audited, which a worker runs", async () => {
    const env = { DATABASE_URL: process.env.DATABASE_URL, JOBS_SCHEMA: process.env.JOBS_SCHEMA };
    process.env.DATABASE_URL = t.url;
    process.env.JOBS_SCHEMA = "pgboss_now";
    const g = globalThis as unknown as { __jobs?: { boss?: Promise<TPgBossRunner> } };
    try {
      const admin = { id: 4243, username: "sysadmin-pg" };
      expect(await runJobNow(admin, "job-runs-prune")).toEqual({ outcome: "QUEUED" });
      expect(await runJobNow(admin, "job-runs-prune")).toEqual({ outcome: "ALREADY_QUEUED" });
      const audits = await t.db.auditEvent.findMany({ where: { action: "job.run", actorId: admin.id } });
      expect(audits.map((a) => (a.detail as { outcome: string }).outcome)).toEqual([
        "QUEUED",
        "ALREADY_QUEUED",
      ]);
      expect(await runsOf("job-runs-prune")).toHaveLength(0); // queued, not run by the web process
      await start([{ ...JOBS.find((j) => j.name === "job-runs-prune")!, schedule: farSlot() }], "pgboss_now");
      const runs = await until(
        "the queued run",
        () => runsOf("job-runs-prune"),
        (r) => r[0]?.status === "SUCCEEDED",
      );
      expect(runs.map((r) => r.trigger)).toEqual(["MANUAL"]);
    } finally {
      await (await g.__jobs?.boss)?.stop();
      g.__jobs = undefined;
      for (const [k, v] of Object.entries(env))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  });

  it("registers the app's jobs: stately queues with their retries, and the crons the page's next run follows", async () => {
    const r = await start([...JOBS], "pgboss_app", false);
    for (const job of JOBS) {
      const q = await r.boss.getQueue(job.name);
      expect(q, job.name).toMatchObject({
        policy: "stately",
        retryLimit: job.retry.limit,
        expireInSeconds: job.expireInSeconds,
      });
      // pg-boss reads our cron as nextRunAfter does.
      const from = new Date();
      const [next] = r.boss.previewSchedule(cronOf(job.schedule), { tz: JOBS_TZ, from, count: 1 });
      expect(next!.getTime(), job.name).toBe(nextRunAfter(job.schedule, from).getTime());
    }
  });
});
