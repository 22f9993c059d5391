import type { TDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  maintainedSql,
  readMaintained,
  recomputeRollups,
  RECOMPUTE_DUE_SQL,
  recomputeSql,
  type TRecomputed,
} from "@/features/rollups/server/recompute";
import { recomputeLightsSql } from "@/features/lights/server/recompute-lights";
import { log, timed } from "./stats";

// The full check after the rush: every maintained roll-up row against a recompute from the task
// rows, inside PostgreSQL (a symmetric EXCEPT; moving millions of rows to JavaScript would take
// longer than the recompute). The recompute implements the counting rule independently of the
// maintained path (recompute.ts: org parent links and task chains, not orgPath/countFrom).
// Rows that are all zero (e.g. only cancelled tasks) count as absent on both sides.
const NONZERO = Prisma.raw(
  `"pendingSign" + "handedBack" + "inProgress" + "submitted" + "completed" + "progressSum" + "overdue" > 0`,
);

const driftSql = (today: Date) => Prisma.sql`
  WITH rec AS MATERIALIZED (${recomputeSql(today)}), mnt AS MATERIALIZED (${maintainedSql(today)}), diff AS (
    (SELECT * FROM rec WHERE ${NONZERO} EXCEPT SELECT * FROM mnt WHERE ${NONZERO})
    UNION ALL
    (SELECT * FROM mnt WHERE ${NONZERO} EXCEPT SELECT * FROM rec WHERE ${NONZERO})
  )
  SELECT (SELECT count(*) FROM rec)::int AS rows, count(DISTINCT ("orgId", "objectiveId"))::int AS drift FROM diff`;

// The open tasks per org, measure and due date (what overdue is computed from) must match too.
const DUE_DRIFT_SQL = Prisma.sql`
  WITH rec AS MATERIALIZED (${RECOMPUTE_DUE_SQL}),
  mnt AS MATERIALIZED (SELECT "orgId", "objectiveId", "dueDate", open FROM "RollupDue" WHERE open <> 0)
  SELECT count(*)::int AS drift FROM ((SELECT * FROM rec EXCEPT SELECT * FROM mnt) UNION ALL (SELECT * FROM mnt EXCEPT SELECT * FROM rec)) d`;

// 红黄绿灯: the maintained red/yellow/green against the stored lights counted under the rule
// (recompute-lights.ts); folded into `drift` (rows of (org, measure) that differ).
const LIGHT_DRIFT_SQL = Prisma.sql`
  WITH rec AS MATERIALIZED (SELECT * FROM (${recomputeLightsSql(null)}) x WHERE red + yellow + green > 0),
  mnt AS MATERIALIZED (SELECT "orgId", "objectiveId", red, yellow, green FROM "Rollup" WHERE red + yellow + green <> 0)
  SELECT count(*)::int AS drift FROM ((SELECT * FROM rec EXCEPT SELECT * FROM mnt) UNION ALL (SELECT * FROM mnt EXCEPT SELECT * FROM rec)) d`;

export type TDrift = { rows: number; drift: number; dueDrift: number; lightDrift: number; seconds: number };

export async function checkDrift(db: TDb, today: Date): Promise<TDrift> {
  const [t, [[main], [due], [light]]] = await timed(() =>
    db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL work_mem = '1GB'`);
        // One snapshot for both checks (REPEATABLE READ is not needed: nothing writes any more).
        return Promise.all([
          tx.$queryRaw<{ rows: number; drift: number }[]>(driftSql(today)),
          tx.$queryRaw<{ drift: number }[]>(DUE_DRIFT_SQL),
          tx.$queryRaw<{ drift: number }[]>(LIGHT_DRIFT_SQL),
        ]);
      },
      { timeout: 3_600_000 },
    ),
  );
  const out = {
    rows: main!.rows,
    drift: main!.drift + light!.drift,
    dueDrift: due!.drift,
    lightDrift: light!.drift,
    seconds: t / 1000,
  };
  log(
    `drift check: ${out.drift} of ${out.rows} (org, measure) roll-up rows differ from a recompute ` +
      `(${out.lightDrift} in red/yellow/green); ${out.dueDrift} open-per-due-date rows differ (${out.seconds.toFixed(1)} s)`,
  );
  return out;
}

/** The same check through the app's own recomputeRollups/readMaintained (JavaScript side): small datasets only. */
export async function checkDriftInJs(db: TDb, today: Date): Promise<number> {
  const key = (r: TRecomputed) => `${r.orgId}:${r.objectiveId}`;
  const val = (r: TRecomputed) =>
    JSON.stringify([
      r.pendingSign,
      r.handedBack,
      r.inProgress,
      r.submitted,
      r.completed,
      r.completedOnTime,
      Number(r.progressSum),
      r.overdue,
    ]);
  const nonEmpty = (r: TRecomputed) =>
    r.pendingSign +
      r.handedBack +
      r.inProgress +
      r.submitted +
      r.completed +
      r.overdue +
      Number(r.progressSum) >
    0;
  const [m, r] = await Promise.all([readMaintained(db, today), recomputeRollups(db, today)]);
  const a = new Map(m.filter(nonEmpty).map((x) => [key(x), val(x)]));
  const b = new Map(r.filter(nonEmpty).map((x) => [key(x), val(x)]));
  let drift = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) if (a.get(k) !== b.get(k)) drift++;
  log(`drift check through recomputeRollups/readMaintained: ${drift} of ${b.size} rows differ`);
  return drift;
}
