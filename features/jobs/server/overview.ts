import "server-only";
import { getDb, type TDb } from "@/lib/db/client";
import type { TJobName } from "../lib/names";
import { cronOf, nextRunAfter, type TSchedule } from "../lib/schedule";
import { JOBS } from "./registry";
import { inProcessRunner, jobsMode } from "./start";

/** Runs read per job: the last one and the failures among these. */
const RECENT = 20;
const FAILURES_SHOWN = 3;

export type TRunRow = {
  id: number;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  trigger: "SCHEDULE" | "MANUAL";
  attempt: number;
  instance: string;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
};

export type TJobOverview = {
  name: TJobName;
  schedule: TSchedule;
  cron: string;
  lastRun: TRunRow | null;
  nextRunAt: Date | null;
  /** Failed runs among the last RECENT, newest first (at most FAILURES_SHOWN). */
  failures: TRunRow[];
  failedCount: number;
};

/** /system/jobs: every job with its schedule, last run, next run and recent failures (one query). */
export async function getJobsOverview(now = new Date(), db: TDb = getDb()): Promise<TJobOverview[]> {
  const names = JOBS.map((j) => j.name as string);
  const rows = await db.$queryRaw<(TRunRow & { job: string })[]>`
    SELECT id, job, status::text AS status, trigger::text AS trigger, attempt, instance, "startedAt", "finishedAt", error
    FROM (
      SELECT *, row_number() OVER (PARTITION BY job ORDER BY "startedAt" DESC, id DESC) AS n
      FROM "JobRun" WHERE job = ANY(${names})
    ) ranked WHERE n <= ${RECENT} ORDER BY job, "startedAt" DESC, id DESC`;
  const runner = inProcessRunner();
  const mode = jobsMode();
  return JOBS.map((job) => {
    const runs = rows.filter((r) => r.job === job.name).map(({ job: _job, ...r }) => r);
    const failed = runs.filter((r) => r.status === "FAILED");
    return {
      name: job.name,
      schedule: job.schedule,
      cron: cronOf(job.schedule),
      lastRun: runs[0] ?? null,
      // pg-boss fires on the cron slots whichever instance runs them; the timers know their own.
      nextRunAt:
        mode === "pgboss" ? nextRunAfter(job.schedule, now) : (runner?.nextRuns.get(job.name) ?? null),
      failures: failed.slice(0, FAILURES_SHOWN),
      failedCount: failed.length,
    };
  });
}
