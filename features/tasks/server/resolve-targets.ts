import "server-only";
import { orgScopeWhere } from "@/lib/auth/scope";
import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TAssignTasks } from "../schemas";

/**
 * The target orgs of a 下达, all strictly inside the assigning org's subtree. Chosen orgs
 * outside it are a VALIDATION error (never silently dropped); "every org of level L under X"
 * requires X inside the subtree too.
 */
export async function resolveTargets(
  tx: TTx,
  assignerOrgId: number,
  target: TAssignTasks["target"],
): Promise<number[]> {
  if (target.mode === "orgs") {
    const ids = [...new Set(target.orgIds)];
    const found = await tx.org.findMany({
      where: { id: { in: ids, not: assignerOrgId }, ...orgScopeWhere({ orgId: assignerOrgId }) },
      select: { id: true },
    });
    if (found.length !== ids.length) throw new AppError("VALIDATION", { target: "outOfScope" });
    return found.map((o) => o.id);
  }
  const under = await tx.org.findFirst({
    where: { id: target.underOrgId, ...orgScopeWhere({ orgId: assignerOrgId }) },
    select: { id: true },
  });
  if (!under) throw new AppError("VALIDATION", { target: "outOfScope" });
  const found = await tx.org.findMany({
    where: { level: target.level, ...orgScopeWhere({ orgId: under.id }), id: { not: assignerOrgId } },
    select: { id: true },
  });
  if (found.length === 0) throw new AppError("VALIDATION", { target: "noTargets" });
  return found.map((o) => o.id);
}
