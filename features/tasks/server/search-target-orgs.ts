import "server-only";
import { OPEN_ORG_WHERE, orgScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { likeLiteral } from "@/lib/input";
import type { TTaskActor } from "../lib/task-permissions";
import { loadTaskForAction } from "./load-task";

/** Orgs strictly below the assigning org (the user's, or the org holding the task being passed down). */
export async function searchTargetOrgs(actor: TTaskActor, input: { q: string; parentTaskId?: number }) {
  const db = getDb();
  const root = input.parentTaskId
    ? (await loadTaskForAction(db, actor, { taskId: input.parentTaskId, action: "cascade" })).orgId
    : actor.orgId;
  const q = likeLiteral(input.q);
  return db.org.findMany({
    where: {
      ...orgScopeWhere({ orgId: root }),
      ...OPEN_ORG_WHERE,
      id: { not: root },
      ...(q ? { OR: [{ name: { contains: q } }, { code: { startsWith: q } }] } : { parentId: root }),
    },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }],
    take: 30,
    select: { id: true, name: true, code: true, level: true },
  });
}
