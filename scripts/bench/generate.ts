import type pg from "pg";
import type { TSize } from "./config";
import { insertBranches, insertUsers } from "./gen-orgs";
import { insertHistory } from "./gen-history";
import { insertProvinceTasks } from "./gen-tasks";
import { createIndexes, dropSecondaryIndexes } from "./indexes";
import { log } from "./stats";

export type TGenerated = {
  branches: number;
  users: number;
  tasks: number;
  progress: number;
  reports: number;
  events: number;
};

const BULK_TABLES = ["Task", "ProgressUpdate", "TaskEvent", "CompletionReport"];

/** Runs `jobs` on `parallel` workers (the machine has 2 cores: one statement per core). */
async function runQueue<T>(jobs: (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) out.push(await jobs[next++]!());
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return out;
}

/**
 * The synthetic national dataset on top of the seeded orgs and objectives. `pool` connections
 * run with session_replication_role = replica: foreign keys are not re-checked row by row
 * (every reference is built from existing rows).
 */
export async function generateDataset(
  pool: pg.Pool,
  { size, today, now, parallel = 2 }: { size: TSize; today: string; now: string; parallel?: number },
): Promise<TGenerated> {
  const branches = await insertBranches(pool, size.branchesPerCounty);
  log(`branches: ${branches}`);
  const users = await insertUsers(pool);
  log(`users (chair + staff per branch, manager per county): ${users}`);
  const indexes = await dropSecondaryIndexes(pool, BULK_TABLES);
  log(`dropped ${indexes.length} secondary indexes for the load`);

  const provinces = (
    await pool.query<{ id: number; name: string }>(
      `SELECT id, name FROM "Org" WHERE level = 'PROVINCE' ORDER BY id`,
    )
  ).rows;
  let tasks = 0;
  await runQueue(
    provinces.flatMap((p) =>
      (["branches", "counties"] as const).map((holders) => async () => {
        const n = await insertProvinceTasks(pool, {
          provinceId: p.id,
          perBranch: size.tasksPerBranch,
          today,
          now,
          holders,
        });
        tasks += n;
        log(`  tasks ${p.name} (${holders}): ${n} (total ${tasks})`);
      }),
    ),
    parallel,
  );

  const {
    rows: [range],
  } = await pool.query<{ lo: number; hi: number }>(`SELECT min(id) AS lo, max(id) + 1 AS hi FROM "Task"`);
  const step = 500_000;
  const chunks: [number, number][] = [];
  for (let lo = range!.lo; lo < range!.hi; lo += step) chunks.push([lo, Math.min(lo + step, range!.hi)]);
  const history = { progress: 0, reports: 0, events: 0 };
  await runQueue(
    chunks.map(([lo, hi]) => async () => {
      const h = await insertHistory(pool, lo, hi);
      history.progress += h.progress;
      history.reports += h.reports;
      history.events += h.events;
      log(
        `  history of tasks ${lo}…${hi - 1}: ${h.progress} progress updates, ${h.reports} completion reports, ${h.events} events`,
      );
    }),
    parallel,
  );

  log(`building ${indexes.length} indexes`);
  await createIndexes(pool, indexes, parallel);
  return { branches, users, tasks, ...history };
}
