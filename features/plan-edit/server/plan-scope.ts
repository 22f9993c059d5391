import "server-only";
import { orgScopeWhere } from "@/lib/auth/scope";
import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TPlanActor } from "@/features/plan-import/server/draft-scope";

/** Plans the actor may edit: issued by an org of the actor's subtree (scope in the query). */
export const editablePlanWhere = (actor: TPlanActor): Prisma.PlanWhereInput => ({
  issuingOrg: orgScopeWhere(actor),
});

/** An objective of a plan the actor may edit (locked for the change), or NOT_FOUND. */
export async function loadEditableObjective(tx: TTx, actor: TPlanActor, objectiveId: number) {
  if (!actor.permissions.has("plan:manage")) throw new AppError("FORBIDDEN");
  const o = await tx.objective.findFirst({
    where: { id: objectiveId, plan: editablePlanWhere(actor) },
    select: { id: true, code: true, level: true, title: true, planId: true, retiredAt: true },
  });
  if (!o) throw new AppError("NOT_FOUND");
  await tx.$queryRaw`SELECT id FROM "Objective" WHERE id = ${o.id} FOR UPDATE`;
  return o;
}
