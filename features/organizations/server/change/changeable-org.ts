import "server-only";
import { OPEN_ORG_WHERE, orgScopeWhere } from "@/lib/auth/scope";
import type { TTx } from "@/lib/db/client";
import { lockTreeExclusive } from "@/lib/db/tree-lock";
import { AppError } from "@/lib/errors";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import type { TPermission } from "@/lib/auth/permissions";

export type TOrgActor = {
  id: number;
  username: string;
  orgId: number;
  permissions: ReadonlySet<TPermission>;
};

/**
 * 三员分立: the 系统管理员 holds org:manage but no task permission, so a tree change may cancel open
 * tasks (the "cancel" choice) only for an actor who may assign them; "transfer" stays open to all.
 */
export function assertMayCancelTasks(actor: TOrgActor, openTasks: number): void {
  if (openTasks > 0 && !actor.permissions.has("task:assign")) throw new AppError("FORBIDDEN");
}

export const CHANGED_ORG_SELECT = {
  id: true,
  name: true,
  code: true,
  level: true,
  parentId: true,
  ancestorIds: true,
  depth: true,
  closedAt: true,
} as const;

/**
 * The org a tree change is about, locked for the rest of the transaction: strictly inside the
 * actor's subtree (an org is renamed, moved or closed by the federations above it, never by its own
 * managers), else NOT_FOUND; closed: ORG_CLOSED; of another level than `levels`: ORG_NOT_CHANGEABLE.
 */
export async function lockChangeableOrg(
  tx: TTx,
  actor: TOrgActor,
  { orgId, levels }: { orgId: number; levels?: readonly OrgLevel[] },
) {
  await lockTreeExclusive(tx);
  await tx.$queryRaw`SELECT id FROM "Org" WHERE id = ${orgId} FOR UPDATE`;
  const org = await tx.org.findFirst({
    where: { id: orgId, ...orgScopeWhere(actor), NOT: { id: actor.orgId } },
    select: CHANGED_ORG_SELECT,
  });
  if (!org) throw new AppError("NOT_FOUND");
  if (org.closedAt) throw new AppError("ORG_CLOSED");
  if (levels && !levels.includes(org.level)) throw new AppError("ORG_NOT_CHANGEABLE");
  return org;
}

/**
 * A destination of a change (the new county, the successor union): inside the actor's subtree,
 * open and of `level`, else VALIDATION on `field` (outOfScope, or orgClosed for a closed one).
 */
export async function findDestination(
  tx: TTx,
  actor: TOrgActor,
  a: { id: number; level: OrgLevel; field: string; not: number },
) {
  const org = await tx.org.findFirst({
    where: { id: a.id, level: a.level, ...orgScopeWhere(actor), NOT: { id: a.not } },
    select: CHANGED_ORG_SELECT,
  });
  if (!org) throw new AppError("VALIDATION", { [a.field]: "outOfScope" });
  if (org.closedAt) throw new AppError("VALIDATION", { [a.field]: "orgClosed" });
  return org;
}

/** Only a grassroots union moves, merges or closes (a federation mirrors an administrative division). */
export const CHANGEABLE_LEVELS = ["GRASSROOTS"] as const satisfies readonly OrgLevel[];

export { OPEN_ORG_WHERE };
