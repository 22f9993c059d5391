import "server-only";
import { orgScopeWhere } from "@/lib/auth/scope";
import type { TPermission } from "@/lib/auth/permissions";
import type { TDb, TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TPlanActor = {
  id: number;
  username?: string;
  orgId: number;
  permissions: ReadonlySet<TPermission>;
};

export function requirePlanManage(actor: TPlanActor): void {
  if (!actor.permissions.has("plan:manage")) throw new AppError("FORBIDDEN");
}

/** Open drafts the actor may see and edit: issued by an org in the actor's subtree (scope in the query). */
export function draftWhere(actor: TPlanActor, draftId: number): Prisma.PlanDraftWhereInput {
  return { id: draftId, status: "DRAFT", issuingOrg: orgScopeWhere(actor) };
}

/** The issuing org must lie in the actor's subtree (the actor's own org included); NOT_FOUND otherwise. */
export async function assertIssuerInScope(db: TDb | TTx, actor: TPlanActor, orgId: number): Promise<void> {
  const org = await db.org.findFirst({ where: { id: orgId, ...orgScopeWhere(actor) }, select: { id: true } });
  if (!org) throw new AppError("VALIDATION", { issuingOrgId: "outOfScope" });
}

export const auditPlanActor = (actor: TPlanActor) => ({
  id: actor.id,
  username: actor.username ?? `#${actor.id}`,
});
