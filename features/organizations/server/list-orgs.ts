import "server-only";
import { orgScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { cursorArgs, toPage } from "@/lib/paging";
import { likeLiteral } from "@/lib/input";
import { withChildCounts } from "./child-counts";

type TActor = { orgId: number };

const orgListSelect = { id: true, code: true, name: true, level: true, closedAt: true } as const;

/** Direct children of an org (the parent must be in scope), in their natural order, paged. */
export async function listChildOrgs(actor: TActor, parentId: number, cursor?: number) {
  const db = getDb();
  const rows = await db.org.findMany({
    where: { parentId, ...orgScopeWhere(actor) },
    select: orgListSelect,
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    ...cursorArgs(cursor),
  });
  return toPage(await withChildCounts(db, rows));
}

/** Orgs in the actor's subtree whose name contains, or whose code starts with, the query. */
export async function searchOrgs(actor: TActor, query: string, cursor?: number) {
  const q = query.trim().slice(0, 50);
  const db = getDb();
  const rows = await db.org.findMany({
    where: {
      ...orgScopeWhere(actor),
      OR: [{ name: { contains: likeLiteral(q) } }, { code: { startsWith: likeLiteral(q) } }],
    },
    select: { ...orgListSelect, depth: true },
    orderBy: [{ depth: "asc" }, { id: "asc" }],
    ...cursorArgs(cursor),
  });
  return toPage(await withChildCounts(db, rows));
}
