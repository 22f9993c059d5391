import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";

export type TObjectiveOption = { id: number; code: string; title: string; level: "MAIN_TASK" | "SUB_ITEM" | "MEASURE"; parentId: number | null };

/** Main tasks, sub-items and measures in report order: the objective filter and the heatmap columns. */
export const listObjectiveOptions = cache(async (): Promise<TObjectiveOption[]> => {
  const rows = await getDb().objective.findMany({
    where: { level: { in: ["MAIN_TASK", "SUB_ITEM", "MEASURE"] } },
    select: { id: true, code: true, title: true, level: true, parentId: true },
  });
  const key = (code: string) => code.split(".").map((n) => n.padStart(3, "0")).join(".");
  return (rows as TObjectiveOption[]).sort((a, b) => key(a.code).localeCompare(key(b.code)));
});

/** The measures under an objective (itself when it is one). */
export function measuresUnder(options: TObjectiveOption[], code: string): TObjectiveOption[] {
  return options.filter((o) => o.level === "MEASURE" && (o.code === code || o.code.startsWith(`${code}.`)));
}
