import "server-only";
import { getDb } from "@/lib/db/client";
import { buildObjectiveTree } from "../lib/tree";

/** One plan's hierarchy (a few hundred rows), nested for the tree view: its root first. */
export async function getObjectiveTree(planId: number) {
  const rows = await getDb().objective.findMany({
    where: { planId },
    select: { id: true, code: true, level: true, parentId: true, title: true, sortOrder: true },
    orderBy: [{ parentId: "asc" }, { sortOrder: "asc" }],
  });
  return buildObjectiveTree(rows);
}
