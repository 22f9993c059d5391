import "server-only";
import { OPEN_ORG_WHERE, orgScopeWhere } from "@/lib/auth/scope";
import type { TDb, TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { levelsBelow } from "../lib/target-levels";
import type { TAssignTasks } from "../schemas";

type TTarget = TAssignTasks["target"];

/**
 * The orgs a target choice reaches, as a `where`, all strictly inside the assigning org's subtree.
 * "Every org of level L under X" requires X inside the subtree and L below the assigning org's
 * own level (VALIDATION otherwise); chosen orgs are checked by the caller against what it finds.
 */
async function targetWhere(
  db: TDb | TTx,
  assignerOrgId: number,
  target: TTarget,
): Promise<Prisma.OrgWhereInput> {
  const inScope = {
    ...orgScopeWhere({ orgId: assignerOrgId }),
    ...OPEN_ORG_WHERE,
    id: { not: assignerOrgId },
  };
  if (target.mode === "orgs") return { AND: [inScope, { id: { in: [...new Set(target.orgIds)] } }] };
  const [assigner, under] = await Promise.all([
    db.org.findUniqueOrThrow({ where: { id: assignerOrgId }, select: { level: true } }),
    db.org.findFirst({
      where: { id: target.underOrgId, ...orgScopeWhere({ orgId: assignerOrgId }) },
      select: { id: true },
    }),
  ]);
  if (!under) throw new AppError("VALIDATION", { target: "outOfScope" });
  if (!levelsBelow(assigner.level).includes(target.level))
    throw new AppError("VALIDATION", { target: "levelNotBelow" });
  return { AND: [inScope, { level: target.level }, orgScopeWhere({ orgId: under.id })] };
}

/**
 * The target orgs of a 下达. Chosen orgs outside the subtree (or the assigner itself) are a
 * VALIDATION error, never silently dropped; a level choice that reaches nobody is one too.
 */
export async function resolveTargets(tx: TTx, assignerOrgId: number, target: TTarget): Promise<number[]> {
  const found = await tx.org.findMany({
    where: await targetWhere(tx, assignerOrgId, target),
    select: { id: true },
  });
  if (target.mode === "orgs" && found.length !== new Set(target.orgIds).size)
    throw new AppError("VALIDATION", { target: "outOfScope" });
  if (found.length === 0) throw new AppError("VALIDATION", { target: "noTargets" });
  return found.map((o) => o.id);
}

/** How many orgs a target choice reaches: the same rule as resolveTargets, counted. */
export async function countTargets(db: TDb, assignerOrgId: number, target: TTarget): Promise<number> {
  return db.org.count({ where: await targetWhere(db, assignerOrgId, target) });
}
