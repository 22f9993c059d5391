import { MANAGEABLE_ROLES } from "@/lib/auth/permissions";
import { orgScopeWhere } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "./actor";

/**
 * The accounts `actor` manages, as a WHERE (never the actor's own): the roles MANAGEABLE_ROLES lists
 * for the actor's own org, and for orgs strictly below it. A peer manager of the same org is thus
 * simply not found (finding 5). Matches nothing for a role that manages nobody.
 */
export function managedUserWhere(actor: TActor): Prisma.UserWhereInput {
  const { own, below } = MANAGEABLE_ROLES[actor.role];
  const or: Prisma.UserWhereInput[] = [];
  if (own.length) or.push({ orgId: actor.orgId, role: { in: [...own] } });
  if (below.length)
    or.push({ orgId: { not: actor.orgId }, role: { in: [...below] }, org: orgScopeWhere(actor) });
  // An empty OR would not filter at all.
  return or.length ? { id: { not: actor.id }, OR: or } : { id: { in: [] } };
}
