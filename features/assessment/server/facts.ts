import { Prisma } from "@/lib/generated/prisma/client";
import type { TDb, TTx } from "@/lib/db/client";
import { emptyFacts, type TCountKind, type TPriority, type TUnitFacts } from "../lib/score";

// What the record says of each unit on day D (China calendar) for a scheme of year Y — the one
// definition, in SQL, read both for the ranking (counts) and for one unit's explanations (rows):
//
// - the unit's tasks: tasks it holds (of the scheme's plan, or of every plan), made on or before D;
//   a task cancelled on or before D counts for nothing (its events and reports still do);
// - COMPLETED / ON_TIME: tasks due in Y completed on or before D (on time: on or before the due day);
// - OVERDUE: tasks due in Y whose due day is before D and that were not completed by their due day;
// - RETURNED (退办) / NUDGED (催办): the unit's tasks' events of that type from 1 January of Y to D;
// - REPORT_ON_TIME / LATE_REPORT: period reports of periods due in Y, reported on or before D;
//   MISSING_REPORT: 漏报 rows of periods due in Y closed on or before D;
// - indicators: the unit's task carrying the indicator, its target and its actual at the end of
//   D (the latest TaskIndicatorLog row before D + 1).
// Every join from the unit's tasks is LATERAL with an OFFSET 0 / LIMIT fence, so it stays one index
// probe per unit or task: a plain join (or EXISTS) let
// the planner scan all of Task, TaskEvent or the year's PeriodReport rows (8.5 s for the 2,842
// county federations at national size). No "server-only": the benchmark and the tests call this.

export type TFactQuery = { units: readonly number[]; planId: number | null; year: number; asOf: Date };
/** `extra`: the priority (COMPLETED), the event's day (RETURNED, NUDGED), the period's first and last day (reports, "YYYY-MM-DD/YYYY-MM-DD"). */
export type TFactRow = { org: number; kind: "COMPLETED" | TCountKind; ref: number; extra: string | null };

const day = (col: string) => Prisma.raw(`(${col} AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date`);
const dayTz = (col: string) => Prisma.raw(`(${col} AT TIME ZONE 'Asia/Shanghai')::date`);

function tasksCte(q: TFactQuery): Prisma.Sql {
  const plan =
    q.planId === null
      ? Prisma.empty
      : Prisma.sql`AND t."objectiveId" IN (SELECT ob.id FROM "Objective" ob WHERE ob."planId" = ${q.planId})`;
  return Prisma.sql`
    tk AS MATERIALIZED (
      SELECT t.id, t."orgId" AS org, t.priority::text AS priority, t."dueDate" AS due, t.status,
        ${day('t."completedAt"')} AS done
      FROM unnest(${q.units as number[]}::int[]) AS u(org)
      CROSS JOIN LATERAL (SELECT * FROM "Task" t WHERE t."orgId" = u.org OFFSET 0) t
      WHERE ${day('t."createdAt"')} <= ${q.asOf}::date ${plan}),
    live AS MATERIALIZED (
      SELECT tk.* FROM tk LEFT JOIN LATERAL (
        SELECT 1 AS gone FROM "TaskEvent" e WHERE tk.status = 'CANCELLED' AND e."taskId" = tk.id
          AND e."toStatus" = 'CANCELLED' AND ${day('e."createdAt"')} <= ${q.asOf}::date LIMIT 1) c ON TRUE
      WHERE c.gone IS NULL),
    yr AS (SELECT * FROM live WHERE due BETWEEN ${yearStart(q.year)}::date AND ${yearEnd(q.year)}::date)`;
}

const yearStart = (y: number) => new Date(Date.UTC(y, 0, 1));
const yearEnd = (y: number) => new Date(Date.UTC(y, 11, 31));

/** Every fact row (unit, kind, task id, extra: priority / period days / event day). */
function factRowsSql(q: TFactQuery): Prisma.Sql {
  const d = Prisma.sql`${q.asOf}::date`;
  return Prisma.sql`
    SELECT org, 'COMPLETED' AS kind, id AS ref, priority AS extra FROM yr WHERE done <= ${d}
    UNION ALL SELECT org, 'ON_TIME', id, NULL FROM yr WHERE done <= ${d} AND done <= due
    UNION ALL SELECT org, 'OVERDUE', id, NULL FROM yr WHERE due < ${d} AND (done IS NULL OR done > due)
    UNION ALL SELECT tk.org, e.type::text, tk.id, to_char(${day('e."createdAt"')}, 'YYYY-MM-DD')
      FROM tk CROSS JOIN LATERAL (SELECT * FROM "TaskEvent" e WHERE e."taskId" = tk.id OFFSET 0) e
      WHERE e.type IN ('RETURNED', 'NUDGED')
        AND ${day('e."createdAt"')} BETWEEN ${yearStart(q.year)}::date AND ${d}
    UNION ALL SELECT tk.org,
        CASE pr.status WHEN 'ON_TIME' THEN 'REPORT_ON_TIME' WHEN 'LATE' THEN 'LATE_REPORT' ELSE 'MISSING_REPORT' END,
        tk.id, to_char(pr.start, 'YYYY-MM-DD') || '/' || to_char(pr.stop, 'YYYY-MM-DD')
      FROM tk CROSS JOIN LATERAL (
        SELECT pr.status, p."startDate" AS start, p."endDate" AS stop FROM "PeriodReport" pr JOIN "ReportingPeriod" p ON p.id = pr."periodId"
        WHERE pr."taskId" = tk.id AND p."dueDate" BETWEEN ${yearStart(q.year)}::date AND ${yearEnd(q.year)}::date
          AND CASE WHEN pr.status = 'MISSING' THEN ${dayTz('p."closedAt"')} ELSE ${dayTz('pr."reportedAt"')} END <= ${d}
        OFFSET 0) pr`;
}

type TQueryDb = Pick<TTx, "$queryRaw">;

/**
 * Runs the fact statements with PostgreSQL's JIT off: their cost estimate (a probe per unit and per
 * task) makes PostgreSQL compile them, ~0.7 s each at national size, for statements that then run
 * in well under a second. Inside the caller's transaction, or in one of its own.
 */
export async function withoutJit<T>(db: TDb | TTx, fn: (tx: TQueryDb) => Promise<T>): Promise<T> {
  const run = async (tx: TQueryDb) => {
    await tx.$queryRaw`SELECT set_config('jit', 'off', true)`;
    return fn(tx);
  };
  return "$transaction" in db ? db.$transaction((tx) => run(tx)) : run(db);
}

/** The facts of every unit, counted in the database (the ranking). */
export async function readFacts(
  db: TQueryDb,
  q: TFactQuery,
  indicatorIds: readonly number[],
): Promise<Map<number, TUnitFacts>> {
  const out = new Map<number, TUnitFacts>(q.units.map((u) => [u, emptyFacts()]));
  if (q.units.length === 0) return out;
  const counts = await db.$queryRaw<
    { org: number; kind: TFactRow["kind"]; extra: string | null; n: number }[]
  >`
    WITH ${tasksCte(q)}
    SELECT f.org, f.kind, CASE WHEN f.kind = 'COMPLETED' THEN f.extra END AS extra, count(*)::int AS n
    FROM (${factRowsSql(q)}) f
    GROUP BY 1, 2, 3`;
  for (const c of counts) {
    const f = out.get(c.org)!;
    if (c.kind === "COMPLETED") f.completed[c.extra as TPriority] += c.n;
    else f.counts[c.kind] += c.n;
  }
  for (const r of await readIndicatorFacts(db, q, indicatorIds)) {
    const f = out.get(r.org)!;
    const list = f.indicators.get(r.indicatorId) ?? [];
    list.push({ target: r.target, actual: r.actual, direction: r.direction });
    f.indicators.set(r.indicatorId, list);
  }
  return out;
}

/** One unit's fact rows (its score sheet's explanations), by the same definition. */
export async function readFactRows(db: Pick<TTx, "$queryRaw">, q: TFactQuery): Promise<TFactRow[]> {
  if (q.units.length === 0) return [];
  return db.$queryRaw<TFactRow[]>`
    WITH ${tasksCte(q)}
    SELECT f.org, f.kind, f.ref, f.extra FROM (${factRowsSql(q)}) f ORDER BY f.kind, f.ref, f.extra`;
}

export type TIndicatorRow = {
  org: number;
  indicatorId: number;
  taskId: number;
  target: number | null;
  actual: number | null;
  direction: "HIGHER" | "LOWER";
};

/** The units' tasks carrying the indicators, their targets and their actuals at the end of day D. */
export async function readIndicatorFacts(
  db: Pick<TTx, "$queryRaw">,
  q: TFactQuery,
  indicatorIds: readonly number[],
): Promise<TIndicatorRow[]> {
  if (indicatorIds.length === 0 || q.units.length === 0) return [];
  // The end of day D in China: D + 1 at 00:00 +08:00.
  const end = new Date(q.asOf.getTime() + 16 * 3_600_000);
  return db.$queryRaw<TIndicatorRow[]>`
    WITH ${tasksCte(q)}
    SELECT live.org, ti."indicatorId", live.id AS "taskId", ti.target::float8 AS target, i.direction::text AS direction,
      (SELECT l.actual FROM "TaskIndicatorLog" l
        WHERE l."taskId" = live.id AND l."indicatorId" = ti."indicatorId" AND l.at < ${end}
        ORDER BY l.at DESC, l.id DESC LIMIT 1)::float8 AS actual
    FROM live JOIN "TaskIndicator" ti ON ti."taskId" = live.id AND ti."indicatorId" = ANY(${indicatorIds as number[]}::int[])
    JOIN "Indicator" i ON i.id = ti."indicatorId"
    ORDER BY live.org, ti."indicatorId", live.id`;
}
