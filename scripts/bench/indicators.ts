import { rebuildIndicatorRollups } from "@/features/indicators/server/rebuild-indicators";
import { bulkPool, prismaClient } from "./database";
import { log, timed } from "./stats";

// Indicators of the benchmark dataset: one on every fourth measure (every fourth of those an
// AVERAGE, the rest SUM), a target on every task of those measures and an actual on 60 % of them
// (deterministic by task id), then the app's set-based rebuildIndicatorRollups. Generated once
// per dataset: a stored dataset that has no indicators yet (generated before them) gets them. The
// seed's own indicators (of the 17th report, no targets here) do not count as generated.

const INSERT_INDICATORS = `
  INSERT INTO "Indicator" ("objectiveId", name, unit, aggregation, direction)
  SELECT m.id, '基准指标' || m.code, '个',
    (CASE WHEN m.n % 16 = 0 THEN 'AVERAGE' ELSE 'SUM' END)::"IndicatorAggregation", 'HIGHER'::"IndicatorDirection"
  FROM (SELECT id, code, row_number() OVER (ORDER BY id) AS n FROM "Objective" WHERE level = 'MEASURE') m
  WHERE m.n % 4 = 0`;

// Targets 10…99, actuals 0…69 on three tasks in five: some regions pass their target, most do not.
const INSERT_TASK_INDICATORS = `
  INSERT INTO "TaskIndicator" ("taskId", "indicatorId", target, actual)
  SELECT t.id, i.id, (10 + t.id % 90)::numeric, CASE WHEN t.id % 5 < 3 THEN (t.id % 70)::numeric END
  FROM "Indicator" i JOIN "Task" t ON t."objectiveId" = i."objectiveId"
  WHERE i.name LIKE '基准指标%' AND t.id >= $1 AND t.id < $2
  ON CONFLICT DO NOTHING`;

// The history 考评 reads (TaskIndicatorLog): one row per actual, dated by the task's latest progress.
const INSERT_LOG = `
  INSERT INTO "TaskIndicatorLog" ("taskId", "indicatorId", actual, at)
  SELECT ti."taskId", ti."indicatorId", ti.actual, COALESCE(t."lastProgressAt" AT TIME ZONE 'UTC', now())
  FROM "TaskIndicator" ti JOIN "Task" t ON t.id = ti."taskId"
  WHERE ti.actual IS NOT NULL AND ti."taskId" >= $1 AND ti."taskId" < $2`;

export type TIndicatorData = { indicators: number; taskIndicators: number; rollupSeconds: number } | null;

/** Generates the indicators when the dataset has none; null when they were there already. */
export async function ensureIndicators(url: string): Promise<TIndicatorData> {
  const pool = bulkPool(url, 2);
  try {
    const {
      rows: [have],
    } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Indicator" WHERE name LIKE '基准指标%'`,
    );
    if (have!.n > 0) {
      await ensureIndicatorLog(pool);
      return null;
    }
    const indicators = (await pool.query(INSERT_INDICATORS)).rowCount ?? 0;
    const {
      rows: [range],
    } = await pool.query<{ lo: number; hi: number }>(`SELECT min(id) AS lo, max(id) + 1 AS hi FROM "Task"`);
    let taskIndicators = 0;
    const step = 1_000_000;
    for (let lo = range!.lo ?? 0; lo < (range!.hi ?? 0); lo += step)
      taskIndicators += (await pool.query(INSERT_TASK_INDICATORS, [lo, lo + step])).rowCount ?? 0;
    log(`indicators: ${indicators} on a quarter of the measures, ${taskIndicators} task targets`);
    await ensureIndicatorLog(pool);
    const db = prismaClient(url, 2, "-c work_mem=1GB -c synchronous_commit=off");
    try {
      const [ms] = await timed(() => rebuildIndicatorRollups(db));
      log(`rebuildIndicatorRollups: ${(ms / 1000).toFixed(1)} s`);
      await pool.query(`ANALYZE "Indicator", "TaskIndicator", "IndicatorRollup"`);
      return { indicators, taskIndicators, rollupSeconds: Math.round(ms / 100) / 10 };
    } finally {
      await db.$disconnect();
    }
  } finally {
    await pool.end();
  }
}

/** Writes the actuals' history when the dataset has none (generated before TaskIndicatorLog). */
async function ensureIndicatorLog(pool: ReturnType<typeof bulkPool>): Promise<void> {
  const {
    rows: [have],
  } = await pool.query<{ n: boolean }>(`SELECT EXISTS (SELECT 1 FROM "TaskIndicatorLog") AS n`);
  if (have!.n) return;
  const {
    rows: [range],
  } = await pool.query<{ lo: number; hi: number }>(`SELECT min(id) AS lo, max(id) + 1 AS hi FROM "Task"`);
  let rows = 0;
  for (let lo = range!.lo ?? 0; lo < (range!.hi ?? 0); lo += 1_000_000)
    rows += (await pool.query(INSERT_LOG, [lo, lo + 1_000_000])).rowCount ?? 0;
  await pool.query(`ANALYZE "TaskIndicatorLog"`);
  log(`indicator history: ${rows} TaskIndicatorLog rows`);
}
