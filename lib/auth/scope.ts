import type { Prisma } from "@/lib/generated/prisma/client";

// Org-subtree scope, put into the query's `where` so that rows outside the
// user's subtree are simply not found (no separate check to forget).
type TScoped = { orgId: number };

/** Orgs inside the user's subtree (including the user's own org). */
export function orgScopeWhere(user: TScoped): Prisma.OrgWhereInput {
  return { ancestorIds: { has: user.orgId } };
}

/** Users whose org is inside the actor's subtree. */
export function userScopeWhere(user: TScoped): Prisma.UserWhereInput {
  return { org: orgScopeWhere(user) };
}
