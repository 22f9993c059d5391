import { Prisma } from "@/lib/generated/prisma/client";

// Org-subtree scope, put into the query's `where` so that rows outside the
// user's subtree are simply not found (no separate check to forget).
// `{ orgId }` is the user, or any org whose subtree is meant ("tasks under org X").
// The subtree is the materialised path: Org.ancestorIds / Task.orgPath contains the org (GIN).
type TScoped = { orgId: number };

/** Orgs inside the user's subtree (including the user's own org). */
export function orgScopeWhere(user: TScoped): Prisma.OrgWhereInput {
  return { ancestorIds: { has: user.orgId } };
}

/** Users whose org is inside the actor's subtree. */
export function userScopeWhere(user: TScoped): Prisma.UserWhereInput {
  return { org: orgScopeWhere(user) };
}

/** Tasks held by an org inside the subtree. */
export function taskScopeWhere(user: TScoped): Prisma.TaskWhereInput {
  return { orgPath: { has: user.orgId } };
}

// Aliases are written by our code ("t", `"Task"`), never taken from input.
const ALIAS = /^(?:[A-Za-z_]\w*|"[A-Za-z_]\w*")$/;

function alias(a: string): Prisma.Sql {
  if (!ALIAS.test(a)) throw new Error(`not a table alias: ${a}`);
  return Prisma.raw(a);
}

/** SQL: task row `alias` is held by an org inside org `orgId`'s subtree (`alias."orgPath" @> ARRAY[orgId]`). */
export function taskInScopeSql(taskAlias: string, orgId: number): Prisma.Sql {
  return Prisma.sql`${alias(taskAlias)}."orgPath" @> ARRAY[${orgId}::int]`;
}

/** SQL: org row `alias` is inside org `orgId`'s subtree (`alias."ancestorIds" @> ARRAY[orgId]`). */
export function orgInScopeSql(orgAlias: string, orgId: number): Prisma.Sql {
  return Prisma.sql`${alias(orgAlias)}."ancestorIds" @> ARRAY[${orgId}::int]`;
}

/** Orgs still open: a closed org (撤销 or merged away) keeps its history but takes no new tasks or accounts. */
export const OPEN_ORG_WHERE = { closedAt: null } as const satisfies Prisma.OrgWhereInput;
