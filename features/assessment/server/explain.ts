import "server-only";
import type { TDb, TTx } from "@/lib/db/client";
import type { TSchemeRules } from "../schemas";
import type { TLine } from "../lib/score";
import type { TScheme } from "./compute";
import { readFactRows, readIndicatorFacts } from "./facts";

// The records behind each line of one unit's sheet on day D (server/facts.ts, the same definition
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

export async function explainLines(
  db: TDb,
  scheme: TScheme,
  { orgId, asOf }: { orgId: number; asOf: Date },
): Promise<Record<string, TLineRef[]>> {
  const q = { units: [orgId], planId: scheme.planId, year: scheme.year, asOf };
  const indicatorIds = scheme.rules.rules.flatMap((r) => (r.kind === "INDICATOR" ? [r.indicatorId] : []));
  const [rows, indicators] = await Promise.all([
    readFactRows(db, q),
    readIndicatorFacts(db, q, indicatorIds),
  ]);
  const ids = [...new Set([...rows.map((r) => r.ref), ...indicators.map((r) => r.taskId)])];
  const tasks = await db.task.findMany({
    where: { id: { in: ids } },
    select: { id: true, objective: { select: { code: true, title: true } } },
  });
  const byId = new Map(tasks.map((t) => [t.id, t.objective]));
  const ref = (taskId: number, extra: string | null) => ({
    taskId,
    code: byId.get(taskId)?.code ?? "",
    title: byId.get(taskId)?.title ?? "",
    extra,
  });
  const out: Record<string, TLineRef[]> = {};
  for (const rule of scheme.rules.rules) {
    out[rule.id] =
      rule.kind === "INDICATOR"
        ? indicators
            .filter((i) => i.indicatorId === rule.indicatorId)
            .map((i) => ({ ...ref(i.taskId, null), target: i.target, actual: i.actual }))
        : rows.filter((r) => r.kind === rule.kind).map((r) => ref(r.ref, r.extra));
  }
  return out;
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
