import "server-only";
import type { TDb, TTx } from "@/lib/db/client";
import type { TSchemeRules } from "../schemas";
import type { TLine } from "../lib/score";
import type { TScheme } from "./compute";
import { readFactRows, readIndicatorFacts, withoutJit } from "./facts";

// The records behind each line of a unit's sheet on day D (server/facts.ts, the same definition
// the counts came from): per line key, the tasks with what made them count.

export type TLineRef = {
  taskId: number;
  code: string;
  title: string;
  /** A priority (COMPLETED), an event's day (RETURNED, NUDGED), a period's days "start/end" (reports), or null. */
  extra: string | null;
  /** INDICATOR lines: target and actual on the day. */
  target?: number | null;
  actual?: number | null;
};

function groupBy<T>(list: readonly T[], key: (x: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const x of list) {
    const group = out.get(key(x));
    if (group) group.push(x);
    else out.set(key(x), [x]);
  }
  return out;
}

/**
 * The records behind every line of the units' sheets on day D, per unit: publication freezes them
 * with the scores (AssessmentScore.refs), the live sheet reads one unit's. The task's code and title
 * are copied, so a frozen explanation does not follow later edits of the plan either.
 */
export async function explainUnits(
  db: TDb | TTx,
  scheme: TScheme,
  { units, asOf }: { units: readonly number[]; asOf: Date },
): Promise<Map<number, Record<string, TLineRef[]>>> {
  const q = { units, planId: scheme.planId, year: scheme.year, asOf };
  const indicatorIds = scheme.rules.rules.flatMap((r) => (r.kind === "INDICATOR" ? [r.indicatorId] : []));
  const { rows, indicators } = await withoutJit(db, async (tx) => ({
    rows: await readFactRows(tx, q),
    indicators: await readIndicatorFacts(tx, q, indicatorIds),
  }));
  const ids = [...new Set([...rows.map((r) => r.ref), ...indicators.map((r) => r.taskId)])];
  // One array parameter (a national result may name more tasks than a query takes parameters).
  const tasks = ids.length
    ? await db.$queryRaw<{ id: number; code: string; title: string }[]>`
        SELECT t.id, o.code, o.title FROM "Task" t JOIN "Objective" o ON o.id = t."objectiveId"
        WHERE t.id = ANY(${ids}::int[])`
    : [];
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const ref = (taskId: number, extra: string | null) => ({
    taskId,
    code: byId.get(taskId)?.code ?? "",
    title: byId.get(taskId)?.title ?? "",
    extra,
  });
  const rowsOf = groupBy(rows, (r) => r.org);
  const indicatorsOf = groupBy(indicators, (i) => i.org);
  const out = new Map<number, Record<string, TLineRef[]>>();
  for (const org of units) {
    const own: Record<string, TLineRef[]> = {};
    for (const rule of scheme.rules.rules)
      own[rule.id] =
        rule.kind === "INDICATOR"
          ? (indicatorsOf.get(org) ?? [])
              .filter((i) => i.indicatorId === rule.indicatorId)
              .map((i) => ({ ...ref(i.taskId, null), target: i.target, actual: i.actual }))
          : (rowsOf.get(org) ?? []).filter((r) => r.kind === rule.kind).map((r) => ref(r.ref, r.extra));
    out.set(org, own);
  }
  return out;
}

/** One unit's records behind its lines on day D (the live sheet). */
export async function explainLines(
  db: TDb | TTx,
  scheme: TScheme,
  { orgId, asOf }: { orgId: number; asOf: Date },
): Promise<Record<string, TLineRef[]>> {
  return (await explainUnits(db, scheme, { units: [orgId], asOf })).get(orgId)!;
}

/** Names of the indicators a scheme's rules count (retired ones included), for the rules in words. */
export async function readIndicatorNames(
  db: TDb | TTx,
  rules: TSchemeRules,
): Promise<Record<number, string>> {
  const ids = rules.rules.flatMap((r) => (r.kind === "INDICATOR" ? [r.indicatorId] : []));
  if (!ids.length) return {};
  const rows = await db.indicator.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** A line's key names an item (`item:<id>`)? Its id, else null. */
export const itemIdOf = (line: Pick<TLine, "key">) =>
  line.key.startsWith("item:") ? Number(line.key.slice(5)) : null;
