import "server-only";
import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { editablePlanWhere } from "@/features/plan-edit/server/plan-scope";
import type { TPlanActor } from "@/features/plan-import/server/draft-scope";

/**
 * An indicator of a plan the actor may edit (plan:manage and the plan's issuer inside the actor's
 * subtree: the same rule as canEditPlan, put into the query), locked for the change; NOT_FOUND otherwise.
 */
export async function loadEditableIndicator(tx: TTx, actor: TPlanActor, indicatorId: number) {
  if (!actor.permissions.has("plan:manage")) throw new AppError("FORBIDDEN");
  const found = await tx.indicator.findFirst({
    where: { id: indicatorId, objective: { plan: editablePlanWhere(actor) } },
    select: { id: true },
  });
  if (!found) throw new AppError("NOT_FOUND");
  const [row] = await tx.$queryRaw<
    { id: number }[]
  >`SELECT id FROM "Indicator" WHERE id = ${found.id} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND");
  return tx.indicator.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      objectiveId: true,
      name: true,
      unit: true,
      aggregation: true,
      direction: true,
      retiredAt: true,
      objective: { select: { code: true } },
    },
  });
}
