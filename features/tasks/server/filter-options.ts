import "server-only";
import { getDb } from "@/lib/db/client";
import type { TTaskActor } from "../lib/task-permissions";

/** Main tasks for the filter, and the name of a filtered org (only if it is in scope). */
export async function getFilterOptions(user: TTaskActor, orgId?: number) {
  const db = getDb();
  const [mainTasks, org] = await Promise.all([
    db.objective.findMany({ where: { level: "MAIN_TASK" }, orderBy: { sortOrder: "asc" }, select: { id: true, code: true, title: true } }),
    orgId ? db.org.findFirst({ where: { id: orgId, ancestorIds: { has: user.orgId } }, select: { name: true } }) : null,
  ]);
  return { mainTasks, orgName: org?.name };
}
