import "server-only";
import { orgScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import type { TTaskActor } from "../lib/task-permissions";

/**
 * Main tasks (of the current plan) and the user's direct child orgs for the filters, and the name
 * of a filtered org (only if in scope).
 */
export async function getFilterOptions(user: TTaskActor, orgId?: number, planId?: number) {
  const db = getDb();
  const [mainTasks, org, children] = await Promise.all([
    db.objective.findMany({
      where: { level: "MAIN_TASK", ...(planId === undefined ? {} : { planId }) },
      orderBy: { sortOrder: "asc" },
      select: { id: true, code: true, title: true },
    }),
    orgId ? db.org.findFirst({ where: { id: orgId, ...orgScopeWhere(user) }, select: { name: true } }) : null,
    db.org.findMany({
      where: { parentId: user.orgId },
      orderBy: { sortOrder: "asc" },
      take: 200,
      select: { id: true, name: true },
    }),
  ]);
  return { mainTasks, orgName: org?.name, children };
}
