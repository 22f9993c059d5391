import "server-only";
import { readOrgCounts } from "@/features/organizations/server/org-counts";
import { getDb, type TDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cursorArgs, toPage } from "@/lib/paging";
import { likeLiteral } from "@/lib/input";
import type { TActor } from "./actor";
import { managedUserWhere } from "./managed-where";

/** The actor and the users the actor manages (managedUserWhere), optionally filtered by text and by an org (code) and its subtree. */
export async function listUsers(actor: TActor, opts: { q?: string; orgCode?: string; cursor?: number }) {
  const q = opts.q?.trim().slice(0, 50);
  const and: Prisma.UserWhereInput[] = [{ OR: [{ id: actor.id }, managedUserWhere(actor)] }];
  if (q)
    and.push({
      OR: [{ name: { contains: likeLiteral(q) } }, { username: { contains: likeLiteral(q.toLowerCase()) } }],
    });
  if (opts.orgCode) and.push({ org: { code: opts.orgCode } });
  const db = getDb();
  const subtree = await smallSubtreeOrgIds(db, actor.orgId);
  if (subtree) and.push({ orgId: { in: subtree } });
  const rows = await db.user.findMany({
    where: { AND: and },
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      active: true,
      org: { select: { id: true, name: true } },
    },
    orderBy: { id: "asc" },
    ...cursorArgs(opts.cursor),
  });
  return toPage(rows);
}

// Below this many orgs the subtree's ids are listed in the query: the list is sorted by id and paged,
// and in a small subtree its users lie sparse in id order, so PostgreSQL would otherwise walk the
// primary key through most of the country's users (about 1 s for a county at national size).
const LIST_SUBTREE_UP_TO = 2000;

/** The ids of a small subtree (the org itself included), or null for a large one. */
async function smallSubtreeOrgIds(db: TDb, orgId: number): Promise<number[] | null> {
  const { orgs } = await readOrgCounts(db, orgId);
  if (orgs === 0 || orgs > LIST_SUBTREE_UP_TO) return null;
  const rows = await db.org.findMany({ where: { ancestorIds: { has: orgId } }, select: { id: true } });
  return rows.map((r) => r.id);
}
