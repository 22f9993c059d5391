import { getEnv } from "@/lib/env";
import { startInProcessRunner, type TInProcessRunner } from "./inprocess-runner";
import { startPgBossRunner, type TPgBossRunner } from "./pgboss-runner";

// No "server-only": instrumentation.ts calls startJobs outside the React server layer.

export type TJobsMode = "pgboss" | "inprocess";

type TState = {
  mode: TJobsMode;
  /** Whether this process runs jobs (false under JOBS_DISABLED). */
  working: boolean;
  inProcess?: TInProcessRunner;
  /** pg-boss of this process: the runner, or (JOBS_DISABLED) a send-only instance made on demand. */
  boss?: Promise<TPgBossRunner>;
};

const g = globalThis as unknown as { __jobs?: TState };

/** How this deployment runs its jobs: pg-boss on PostgreSQL, in-process timers on embedded PGlite. */
export function jobsMode(): TJobsMode {
  return getEnv().DATABASE_URL ? "pgboss" : "inprocess";
}

/** Once per server process (instrumentation.ts). JOBS_DISABLED=1: this instance serves HTTP only. */
export async function startJobs(): Promise<void> {
  if (g.__jobs) return;
  const env = getEnv();
  const mode = jobsMode();
  if (env.JOBS_DISABLED) {
    g.__jobs = { mode, working: false };
    console.info("[jobs] JOBS_DISABLED: this instance runs no scheduled jobs");
    return;
  }
  if (mode === "inprocess") {
    g.__jobs = { mode, working: true, inProcess: startInProcessRunner() };
    return;
  }
  const boss = startPgBossRunner({ connectionString: env.DATABASE_URL!, schema: env.JOBS_SCHEMA });
  g.__jobs = { mode, working: true, boss };
  // A failed start is logged; the instance keeps serving and 立即运行 tries again.
  await boss.catch((e: unknown) => {
    console.error("[jobs] pg-boss did not start:", e instanceof Error ? e.message : "unknown error");
    g.__jobs = { mode, working: false };
  });
}

/** The in-process runner of this process, if it runs one. */
export function inProcessRunner(): TInProcessRunner | undefined {
  return g.__jobs?.inProcess;
}

/** pg-boss for sending from this process: the running one, or a send-only instance started once. */
export function pgBossForSending(): Promise<TPgBossRunner> {
  const env = getEnv();
  g.__jobs ??= { mode: jobsMode(), working: false };
  if (!g.__jobs.boss) {
    const boss = startPgBossRunner({
      connectionString: env.DATABASE_URL!,
      schema: env.JOBS_SCHEMA,
      work: false,
    });
    g.__jobs.boss = boss;
    boss.catch(() => {
      if (g.__jobs?.boss === boss) g.__jobs.boss = undefined;
    });
  }
  return g.__jobs.boss;
}
