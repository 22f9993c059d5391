import "server-only";
import { getDb } from "@/lib/db/client";
import { ancestorCodes } from "../lib/tree";

const LIMIT = 100;

/** Text search over titles and source text; each hit carries its ancestors' titles for context. */
export async function findObjectives(query: string) {
  const q = query.trim().slice(0, 50);
  if (!q) return { hits: [], truncated: false };
  const db = getDb();
  const rows = await db.objective.findMany({
    where: {
      OR: [
        { title: { contains: q, mode: "insensitive" } },
        { sourceText: { contains: q, mode: "insensitive" } },
      ],
    },
    select: { code: true, level: true, title: true, sourceText: true },
    orderBy: { id: "asc" },
    take: LIMIT + 1,
  });
  const hits = rows.slice(0, LIMIT);
  const codes = [...new Set(hits.flatMap((h) => ancestorCodes(h.code)))];
  const titles = new Map(
    (
      await db.objective.findMany({ where: { code: { in: codes } }, select: { code: true, title: true } })
    ).map((o) => [o.code, o.title]),
  );
  return {
    hits: hits.map((h) => ({
      ...h,
      path: ancestorCodes(h.code)
        .slice(1)
        .map((c) => titles.get(c) ?? c),
    })),
    truncated: rows.length > LIMIT,
  };
}
