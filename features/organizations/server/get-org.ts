import "server-only";
import { orgScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";

type TActor = { orgId: number };

/**
 * An org inside the actor's subtree, with the breadcrumb from the actor's own org
 * down to it; null when it does not exist or lies outside the scope.
 */
export async function getOrgInScope(actor: TActor, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const db = getDb();
  const org = await db.org.findFirst({
    where: { id, ...orgScopeWhere(actor) },
    select: {
      id: true,
      code: true,
      name: true,
      level: true,
      regionCode: true,
      regionName: true,
      ancestorIds: true,
      parentId: true,
      closedAt: true,
      closeReason: true,
      successorId: true,
    },
  });
  if (!org) return null;
  // Counted directly: Prisma's `_count` would group the whole Org and User tables.
  const [children, users, successor] = await Promise.all([
    db.org.count({ where: { parentId: org.id } }),
    db.user.count({ where: { orgId: org.id } }),
    org.successorId
      ? db.org.findUnique({ where: { id: org.successorId }, select: { id: true, name: true } })
      : null,
  ]);
  const visible = org.ancestorIds.slice(org.ancestorIds.indexOf(actor.orgId));
  const rows = await db.org.findMany({ where: { id: { in: visible } }, select: { id: true, name: true } });
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return {
    ...org,
    _count: { children, users },
    successor,
    trail: visible.map((oid) => ({ id: oid, name: names.get(oid) ?? "" })),
  };
}
