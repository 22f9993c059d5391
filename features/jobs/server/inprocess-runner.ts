import type { TDb } from "@/lib/db/client";
import { runRecorded, type TTrigger } from "./record-run";
import { JOBS, type TJobDef } from "./registry";

// No "server-only": instrumentation.ts starts this outside the React server layer.

/**
 * Embedded PGlite (no DATABASE_URL): one process owns the database, so plain timers run the jobs,
 * as before pg-boss: each one `startupDelayMs` after start, then every `everyMinutes`. A failed run
 * is recorded and tried again at the next tick. Runs of one job never overlap in the process.
 */
export type TInProcessRunner = {
  /** When each job runs next (for /system/jobs). */
  nextRuns: ReadonlyMap<string, Date>;
  /** Runs a job now, unless it is running already (then null). */
  runNow: (job: TJobDef, trigger?: TTrigger) => Promise<{ runId: number } | null>;
  stop: () => void;
};

export function startInProcessRunner(opts: { jobs?: readonly TJobDef[]; db?: TDb } = {}): TInProcessRunner {
  const jobs = opts.jobs ?? JOBS;
  const nextRuns = new Map<string, Date>();
  const running = new Set<string>();
  const timers: NodeJS.Timeout[] = [];

  const runNow = async (job: TJobDef, trigger: TTrigger = "SCHEDULE") => {
    if (running.has(job.name)) return null;
    running.add(job.name);
    try {
      return await runRecorded(job, { trigger, db: opts.db });
    } finally {
      running.delete(job.name);
    }
  };
  const tick = (job: TJobDef, every: number) => {
    nextRuns.set(job.name, new Date(Date.now() + every));
    void runNow(job).catch(() => undefined); // recorded and logged by runRecorded
  };

  for (const job of jobs) {
    const every = job.schedule.everyMinutes * 60_000;
    nextRuns.set(job.name, new Date(Date.now() + job.startupDelayMs));
    const first = setTimeout(() => {
      tick(job, every);
      timers.push(setInterval(() => tick(job, every), every).unref());
    }, job.startupDelayMs);
    timers.push(first.unref());
  }
  return {
    nextRuns,
    runNow,
    stop: () => {
      for (const t of timers) clearTimeout(t);
    },
  };
}
