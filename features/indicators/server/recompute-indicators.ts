import type { TDb, TTx } from "@/lib/db/client";
import { fromMicros, meanMicros, toMicros } from "../lib/micros";

// The naive answer for checks (the property tests, the benchmark's drift): every derived actual
// and every IndicatorRollup row computed again, independently of the maintained path. It walks
// the org tree through "Org"."parentId" and the chains through "Task"."parentTaskId" (not
// orgPath/countFrom) and does the arithmetic in exact integers (millionths), not in SQL numerics.
// Rules: a task with children that are not cancelled takes each actual from them (SUM: their sum;
// AVERAGE: their mean, rounded half up to 6 places; children without a value left out; none: no
// value); a task counts in region R (province, city, county) when its holder is in R and its
// parent task's holder is not; a cancelled task counts nowhere.

export type TIndicatorFigures = {
  orgId: number;
  indicatorId: number;
  tasks: number;
  targeted: number;
  reported: number;
  /** Decimal strings with 6 places. */
  targetSum: string;
  actualSum: string;
};

type TTaskRow = { id: number; orgId: number; parentTaskId: number | null; status: string };
type TTiRow = { taskId: number; indicatorId: number; target: string | null; actual: string | null };

const LEVELS = new Set(["PROVINCE", "CITY", "COUNTY"]);

export async function recomputeIndicators(db: TDb | TTx): Promise<{
  rollups: TIndicatorFigures[];
  /** `${taskId}:${indicatorId}` → the actual the task should hold (6-place string or null). */
  actuals: Map<string, string | null>;
}> {
  const orgs = await db.$queryRaw<{ id: number; parentId: number | null; level: string }[]>`
    SELECT id, "parentId", level::text AS level FROM "Org"`;
  const tasks = await db.$queryRaw<TTaskRow[]>`
    SELECT id, "orgId", "parentTaskId", status::text AS status FROM "Task"
    WHERE "objectiveId" IN (SELECT "objectiveId" FROM "Indicator")`;
  const rows = await db.$queryRaw<TTiRow[]>`
    SELECT "taskId", "indicatorId", target::text AS target, actual::text AS actual FROM "TaskIndicator"`;
  const aggs = await db.$queryRaw<{ id: number; aggregation: string }[]>`
    SELECT id, aggregation::text AS aggregation FROM "Indicator"`;
  const agg = new Map(aggs.map((a) => [a.id, a.aggregation]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const stored = new Map(rows.map((r) => [`${r.taskId}:${r.indicatorId}`, r]));
  const liveKids = new Map<number, number[]>();
  for (const t of tasks)
    if (t.parentTaskId !== null && t.status !== "CANCELLED")
      liveKids.set(t.parentTaskId, [...(liveKids.get(t.parentTaskId) ?? []), t.id]);

  const memo = new Map<string, bigint | null>();
  const actualOf = (taskId: number, ind: number): bigint | null => {
    const k = `${taskId}:${ind}`;
    if (memo.has(k)) return memo.get(k)!;
    const kids = liveKids.get(taskId);
    let v: bigint | null;
    if (!kids?.length) v = toMicros(stored.get(k)?.actual ?? null);
    else {
      const vals = kids
        .filter((c) => stored.has(`${c}:${ind}`))
        .map((c) => actualOf(c, ind))
        .filter((x): x is bigint => x !== null);
      if (vals.length === 0) v = null;
      else if (agg.get(ind) === "AVERAGE") v = meanMicros(vals);
      else v = vals.reduce((a, b) => a + b, 0n);
    }
    memo.set(k, v);
    return v;
  };

  const ancestorsOrSelf = (orgId: number): number[] => {
    const out: number[] = [];
    for (let o = orgById.get(orgId); o; o = o.parentId === null ? undefined : orgById.get(o.parentId))
      out.push(o.id);
    return out;
  };
  const acc = new Map<
    string,
    { tasks: number; targeted: number; reported: number; ts: bigint; as: bigint }
  >();
  const actuals = new Map<string, string | null>();
  for (const r of rows) {
    const actual = actualOf(r.taskId, r.indicatorId);
    actuals.set(`${r.taskId}:${r.indicatorId}`, fromMicros(actual));
    const t = taskById.get(r.taskId)!;
    if (t.status === "CANCELLED") continue;
    const parent = t.parentTaskId === null ? null : taskById.get(t.parentTaskId)!;
    const above = new Set(parent ? ancestorsOrSelf(parent.orgId) : []);
    const target = toMicros(r.target);
    for (const g of ancestorsOrSelf(t.orgId)) {
      if (above.has(g) || !LEVELS.has(orgById.get(g)!.level)) continue;
      const k = `${g}:${r.indicatorId}`;
      const a = acc.get(k) ?? { tasks: 0, targeted: 0, reported: 0, ts: 0n, as: 0n };
      a.tasks += 1;
      if (target !== null) {
        a.targeted += 1;
        a.ts += target;
      }
      if (actual !== null) {
        a.reported += 1;
        a.as += actual;
      }
      acc.set(k, a);
    }
  }
  const rollups = [...acc].map(([k, a]) => {
    const [orgId, indicatorId] = k.split(":").map(Number) as [number, number];
    return {
      orgId,
      indicatorId,
      tasks: a.tasks,
      targeted: a.targeted,
      reported: a.reported,
      targetSum: fromMicros(a.ts)!,
      actualSum: fromMicros(a.as)!,
    };
  });
  return { rollups, actuals };
}

/** The maintained IndicatorRollup rows that are not all zero, in the recompute's shape. */
export async function readMaintainedIndicators(db: TDb | TTx): Promise<TIndicatorFigures[]> {
  return db.$queryRaw<TIndicatorFigures[]>`
    SELECT "orgId", "indicatorId", tasks, targeted, reported,
      round("targetSum", 6)::text AS "targetSum", round("actualSum", 6)::text AS "actualSum"
    FROM "IndicatorRollup"
    WHERE tasks <> 0 OR targeted <> 0 OR reported <> 0 OR "targetSum" <> 0 OR "actualSum" <> 0`;
}

/**
 * Rows and actuals that differ from the recompute (0 when the maintained path is exact), and
 * actuals whose latest TaskIndicatorLog row says otherwise (the history 考评 reads).
 */
export async function indicatorDrift(
  db: TDb | TTx,
): Promise<{ rows: string[]; actuals: string[]; log: string[] }> {
  const [{ rollups, actuals }, maintained, stored, log] = await Promise.all([
    recomputeIndicators(db),
    readMaintainedIndicators(db),
    db.$queryRaw<{ k: string; actual: string | null }[]>`
      SELECT "taskId" || ':' || "indicatorId" AS k, actual::text AS actual FROM "TaskIndicator"`,
    db.$queryRaw<{ k: string }[]>`
      SELECT ti."taskId" || ':' || ti."indicatorId" || ' have ' || COALESCE(ti.actual::text, 'null')
        || ' log ' || COALESCE(l.actual::text, 'null') AS k
      FROM "TaskIndicator" ti
      LEFT JOIN LATERAL (SELECT x.actual FROM "TaskIndicatorLog" x
        WHERE x."taskId" = ti."taskId" AND x."indicatorId" = ti."indicatorId"
        ORDER BY x.at DESC, x.id DESC LIMIT 1) l ON true
      WHERE l.actual IS DISTINCT FROM ti.actual`,
  ]);
  const show = (r: TIndicatorFigures) =>
    `${r.orgId}:${r.indicatorId} ${r.tasks}/${r.targeted}/${r.reported} ${r.targetSum} ${r.actualSum}`;
  const want = new Set(rollups.map(show));
  const have = new Set(maintained.map(show));
  const rowsDiff = [
    ...[...want].filter((x) => !have.has(x)).map((x) => `want ${x}`),
    ...[...have].filter((x) => !want.has(x)).map((x) => `have ${x}`),
  ];
  const actualsDiff = stored
    .filter((s) => (actuals.get(s.k) ?? null) !== s.actual)
    .map((s) => `${s.k} have ${s.actual} want ${actuals.get(s.k)}`);
  return { rows: rowsDiff, actuals: actualsDiff, log: log.map((r) => r.k) };
}
