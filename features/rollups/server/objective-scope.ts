import "server-only";
import { getDb, type TDb } from "@/lib/db/client";
import { planPrefixOf } from "@/lib/objective-code";

export type TObjectiveOption = {
  id: number;
  code: string;
  title: string;
  level: "MAIN_TASK" | "SUB_ITEM" | "MEASURE";
  parentId: number | null;
};

// Objectives change rarely (a plan imported, published or edited). The options are kept per database
// client (a process has one; each test database its own) together with a version, the count and the
// latest updatedAt of the objectives, which one cheap aggregate reads: a plan published by another
// instance is seen at the next read.
type TCached = { version: string; options: Promise<TObjectiveOption[]> };
const loaded = new WeakMap<TDb, TCached>();

async function load(db: TDb): Promise<TObjectiveOption[]> {
  const rows = await db.objective.findMany({
    where: { level: { in: ["MAIN_TASK", "SUB_ITEM", "MEASURE"] } },
    select: { id: true, code: true, title: true, level: true, parentId: true },
  });
  const key = (code: string) =>
    code
      .split(".")
      .map((n) => n.padStart(3, "0"))
      .join(".");
  return (rows as TObjectiveOption[]).sort((a, b) => key(a.code).localeCompare(key(b.code)));
}

async function versionOf(db: TDb): Promise<string> {
  const [v] = await db.$queryRaw<{ n: number; at: Date | null }[]>`
    SELECT count(*)::int AS n, max("updatedAt") AS at FROM "Objective"`;
  return `${v?.n ?? 0}:${v?.at?.getTime() ?? 0}`;
}

/** Main tasks, sub-items and measures of every plan in tree order: the objective filter and the heatmap columns. */
export async function listObjectiveOptions(db: TDb = getDb()): Promise<TObjectiveOption[]> {
  const version = await versionOf(db);
  const cached = loaded.get(db);
  if (cached && cached.version === version) return cached.options;
  const options = load(db);
  loaded.set(db, { version, options });
  // A failed read is not kept: the next call reads again.
  options.catch(() => loaded.delete(db));
  return options;
}

/** The measures under an objective (itself when it is one). */
export function measuresUnder(options: TObjectiveOption[], code: string): TObjectiveOption[] {
  return options.filter((o) => o.level === "MEASURE" && (o.code === code || o.code.startsWith(`${code}.`)));
}

export type TPlanScope = {
  /** The plan's main tasks, sub-items and measures (every plan's without a plan). */
  inPlan: TObjectiveOption[];
  objective: TObjectiveOption | null;
  /** The measures counted; null = every measure there is (no filter needed). */
  measureIds: number[] | null;
};

/**
 * What the completion views count: the measures of plan `plan` (a code prefix), or of objective
 * `objective` inside it. A plan's totals are the sum over its measures' roll-up rows (roll-ups are
 * kept per measure). Null when the objective is not in the plan (or does not exist).
 */
export function planScope(
  options: TObjectiveOption[],
  q: { plan?: string | null; objective?: string | null },
): TPlanScope | null {
  const inPlan = q.plan ? options.filter((o) => planPrefixOf(o.code) === q.plan) : options;
  const objective = q.objective ? (inPlan.find((o) => o.code === q.objective) ?? null) : null;
  if (q.objective && !objective) return null;
  const measureIds = objective
    ? measuresUnder(inPlan, objective.code).map((m) => m.id)
    : inPlan.length === options.length
      ? null
      : inPlan.filter((o) => o.level === "MEASURE").map((o) => o.id);
  return { inPlan, objective, measureIds };
}
