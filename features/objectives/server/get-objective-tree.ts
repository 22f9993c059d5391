import "server-only";
import { getDb } from "@/lib/db/client";
import { buildObjectiveTree } from "../lib/tree";

/** The whole hierarchy (a few hundred rows), nested for the tree view. */
export async function getObjectiveTree() {
  const rows = await getDb().objective.findMany({
    select: { id: true, code: true, level: true, parentId: true, title: true, sortOrder: true },
    orderBy: [{ parentId: "asc" }, { sortOrder: "asc" }],
  });
  return buildObjectiveTree(rows);
}
