import "server-only";
import { getDb } from "@/lib/db/client";
import { likeLiteral } from "@/lib/input";
import { ancestorCodes } from "../lib/tree";

const LIMIT = 100;

/**
 * Text search over titles and source text; each hit carries its ancestors' titles for context.
 * A matching main task or sub-item brings the measures under it (`viaParent`), since choosing it
 * means all of them; they follow it in tree order. Only inside one plan (the current one).
 */
export async function findObjectives(query: string, planId: number) {
  const q = query.trim().slice(0, 50);
  if (!q) return { hits: [], truncated: false };
  const db = getDb();
  const select = { id: true, code: true, level: true, title: true, sourceText: true } as const;
  const rows = await db.objective.findMany({
    where: {
      planId,
      OR: [
        { title: { contains: likeLiteral(q), mode: "insensitive" } },
        { sourceText: { contains: likeLiteral(q), mode: "insensitive" } },
      ],
    },
    select,
    orderBy: { id: "asc" },
    take: LIMIT + 1,
  });
  const direct = rows.slice(0, LIMIT);
  const parents = direct.filter((h) => h.level !== "MEASURE");
  const below = parents.length
    ? await db.objective.findMany({
        where: {
          planId,
          level: "MEASURE",
          OR: parents.map((p) => ({ code: { startsWith: `${p.code}.` } })),
          id: { notIn: direct.map((h) => h.id) },
        },
        select,
      })
    : [];
  const hits = [
    ...direct.map((h) => ({ ...h, viaParent: false })),
    ...below.map((h) => ({ ...h, viaParent: true })),
  ].sort((a, b) => a.id - b.id);
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
