import "server-only";
import { OPEN_ORG_WHERE, orgScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { likeLiteral } from "@/lib/input";
import type { TTaskActor } from "../lib/task-permissions";
import { loadTaskForAction } from "./load-task";

/** Units a handed-back task may be sent to: strictly below its assigning org, not its current holder. */
export async function searchTransferTargets(actor: TTaskActor, input: { taskId: number; q: string }) {
  const db = getDb();
  const task = await loadTaskForAction(db, actor, { taskId: input.taskId, action: "transfer" });
  const root = task.reviewOrgId;
  const q = likeLiteral(input.q);
  return db.org.findMany({
    where: {
      ...orgScopeWhere({ orgId: root }),
      ...OPEN_ORG_WHERE,
      id: { notIn: [root, task.orgId] },
      ...(q ? { OR: [{ name: { contains: q } }, { code: { startsWith: q } }] } : { parentId: root }),
    },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }],
    take: 30,
    select: { id: true, name: true, code: true, level: true },
  });
}
