import "server-only";
import { OPEN_ORG_WHERE, orgScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { likeLiteral } from "@/lib/input";
import type { TActor } from "./actor";

/**
 * Orgs an account may be created in: the actor's own org and its subtree, by name or code prefix;
 * without a query, the actor's org and the orgs directly below it.
 */
export async function searchManagedOrgs(actor: TActor, q: string) {
  return getDb().org.findMany({
    where: {
      ...orgScopeWhere(actor),
      ...OPEN_ORG_WHERE,
      ...(q
        ? { OR: [{ name: { contains: likeLiteral(q) } }, { code: { startsWith: likeLiteral(q) } }] }
        : { OR: [{ id: actor.orgId }, { parentId: actor.orgId }] }),
    },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    take: 30,
    select: { id: true, name: true, code: true },
  });
}
