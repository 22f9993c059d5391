import "server-only";
import { OBJECTIVE_CODE_RE } from "@/lib/objective-code";
import { getDb } from "@/lib/db/client";
import { ancestorCodes } from "../lib/tree";

/** One objective with its ancestors (root first) and direct children; null when the code is unknown. */
export async function getObjective(code: string) {
  if (!OBJECTIVE_CODE_RE.test(code)) return null;
  const db = getDb();
  const node = await db.objective.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      level: true,
      title: true,
      sourceText: true,
      children: { select: { code: true, level: true, title: true }, orderBy: { sortOrder: "asc" } },
    },
  });
  if (!node) return null;
  const ancestors = await db.objective.findMany({
    where: { code: { in: ancestorCodes(code) } },
    select: { code: true, title: true, level: true },
  });
  ancestors.sort((a, b) => a.code.length - b.code.length);
  return { ...node, ancestors };
}
