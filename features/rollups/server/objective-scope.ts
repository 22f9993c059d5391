import "server-only";
import { getDb, type TDb } from "@/lib/db/client";

export type TObjectiveOption = {
  id: number;
  code: string;
  title: string;
  level: "MAIN_TASK" | "SUB_ITEM" | "MEASURE";
  parentId: number | null;
};

// The objectives are reference data: seeded from the report before the app starts, never edited
// by the app. Read once per database client (a process has one; each test database its own).
const loaded = new WeakMap<TDb, Promise<TObjectiveOption[]>>();

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

/** Main tasks, sub-items and measures in report order: the objective filter and the heatmap columns. */
export function listObjectiveOptions(db: TDb = getDb()): Promise<TObjectiveOption[]> {
  let options = loaded.get(db);
  if (!options) {
    options = load(db);
    loaded.set(db, options);
    // A failed read, or one before the database was seeded, is not kept: the next call reads again.
    options.then(
      (o) => {
        if (o.length === 0) loaded.delete(db);
      },
      () => loaded.delete(db),
    );
  }
  return options;
}

/** The measures under an objective (itself when it is one). */
export function measuresUnder(options: TObjectiveOption[], code: string): TObjectiveOption[] {
  return options.filter((o) => o.level === "MEASURE" && (o.code === code || o.code.startsWith(`${code}.`)));
}
