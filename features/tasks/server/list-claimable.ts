import "server-only";
import { getDb } from "@/lib/db/client";
import { likeLiteral } from "@/lib/input";
import type { TTaskActor } from "../lib/task-permissions";

/**
 * Live measures of plan `planId` (the current plan) that the user's org does not hold yet (neither
 * assigned nor claimed), in plan order.
 */
export async function listClaimable(user: TTaskActor, query?: string, planId?: number) {
  const q = query ? likeLiteral(query) : undefined;
  return getDb().objective.findMany({
    where: {
      level: "MEASURE",
      retiredAt: null,
      ...(planId === undefined ? {} : { planId }),
      tasks: { none: { orgId: user.orgId } },
      ...(q
        ? { OR: [{ title: { contains: q } }, { sourceText: { contains: q } }, { code: { startsWith: q } }] }
        : {}),
    },
    orderBy: { id: "asc" },
    select: {
      id: true,
      code: true,
      title: true,
      sourceText: true,
      parent: { select: { code: true, title: true } },
    },
  });
}
