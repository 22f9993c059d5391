import { PgBoss } from "pg-boss";
import type { TDb } from "@/lib/db/client";
import { cronOf } from "../lib/schedule";
import { sanitizeError } from "../lib/sanitize-error";
import { runRecorded, type TTrigger } from "./record-run";
import { JOBS, type TJobDef } from "./registry";

// No "server-only": instrumentation.ts starts this outside the React server layer.

/** The job's payload: who asked for this run (the schedule, or 立即运行 on /system/jobs). */
export type TJobData = { trigger?: TTrigger };

/** Completed jobs stay in pg-boss's tables this long (the run history itself is JobRun). */
const DELETE_AFTER_SECONDS = 24 * 60 * 60;
/** The time zone pg-boss evaluates the schedules in (the minute-only crons do not depend on it). */
export const JOBS_TZ = "Asia/Shanghai";

export type TPgBossOptions = {
  connectionString: string;
  schema: string;
  /** Default: the app's JOBS. Tests pass their own. */
  jobs?: readonly TJobDef[];
  /** false: send only (a web instance's 立即运行 under JOBS_DISABLED): no workers, schedules or maintenance. */
  work?: boolean;
  /** The client the runs are recorded with (default getDb()). */
  db?: TDb;
  /** Seconds between a worker's polls and between cron passes (tests shorten them). */
  pollingIntervalSeconds?: number;
  cronMonitorIntervalSeconds?: number;
};

export type TPgBossRunner = { boss: PgBoss; stop: () => Promise<void> };

/** The queue's settings: at most one run queued and one active per key (`stately`), retries with back-off. */
export function queueOptions(job: TJobDef) {
  return {
    retryLimit: job.retry.limit,
    retryDelay: job.retry.delaySeconds,
    retryBackoff: job.retry.limit > 0,
    ...(job.retry.limit > 0 ? { retryDelayMax: job.retry.maxDelaySeconds } : {}),
    expireInSeconds: job.expireInSeconds,
    deleteAfterSeconds: DELETE_AFTER_SECONDS,
  };
}

/**
 * Starts pg-boss on the app's PostgreSQL and, with `work`, registers every job: its queue, its cron
 * schedule and a worker. pg-boss fires each schedule once per slot whatever the number of instances
 * (one instance at a time claims the cron pass, and an occurrence is filed under a per-slot singleton),
 * and a queued job is fetched by one worker (SKIP LOCKED). A slot missed while every instance was down
 * is sent once when one comes back (`missed: "once"`), which replaces the old runs at start-up.
 * Exported for tests, which start two of these on one database to play two instances.
 */
export async function startPgBossRunner(opts: TPgBossOptions): Promise<TPgBossRunner> {
  const jobs = opts.jobs ?? JOBS;
  const work = opts.work ?? true;
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    schema: opts.schema,
    application_name: work ? "utt-jobs" : "utt-jobs-send",
    max: work ? 4 : 2,
    schedule: work,
    supervise: work,
    ...(opts.cronMonitorIntervalSeconds
      ? { cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds }
      : {}),
  });
  boss.on("error", (e) => console.error(`[jobs] pg-boss: ${sanitizeError(e)}`));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, { policy: "stately", ...queueOptions(job) });
    if (work) await boss.updateQueue(job.name, queueOptions(job));
  }
  if (work) {
    const names = new Set<string>(jobs.map((j) => j.name));
    for (const s of await boss.getSchedules()) if (!names.has(s.name)) await boss.unschedule(s.name, s.key);
    for (const job of jobs) {
      await boss.schedule(
        job.name,
        cronOf(job.schedule),
        { trigger: "SCHEDULE" },
        { tz: JOBS_TZ, missed: "once" },
      );
      await boss.work<TJobData>(
        job.name,
        { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
        async ([j]) => {
          if (!j) return;
          await runRecorded(job, {
            trigger: j.data?.trigger === "MANUAL" ? "MANUAL" : "SCHEDULE",
            attempt: j.retryCount,
            db: opts.db,
          });
        },
      );
    }
  }
  return { boss, stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}

/** The per-job key of 立即运行: a second click while one manual run waits adds nothing. */
export const MANUAL_KEY = "manual";

/** Queues one manual run; null when one is already waiting (the queue's `stately` policy). */
export async function sendManualRun(boss: PgBoss, job: TJobDef): Promise<string | null> {
  const data: TJobData = { trigger: "MANUAL" };
  return boss.send(job.name, data, { singletonKey: MANUAL_KEY });
}
