import "server-only";
import { getDb } from "@/lib/db/client";
import { chinaToday } from "@/lib/dates";
import { OPEN_STATUSES, TASK_STATUSES, type TTaskStatus } from "@/lib/task-status";
import type { TTaskActor } from "../lib/task-permissions";
import { taskFilterWhere } from "./list-tasks";

/**
 * The tasks of an objective's measures within the user's subtree, by status: exactly the tasks
 * the list `/tasks?objective=<code>` shows (every task held in the area, passed down or not).
 * Completion rate = completed / not cancelled, as in the completion views.
 */
export async function getObjectiveTaskSummary(user: TTaskActor, code: string, today = chinaToday()) {
  const db = getDb();
  const where = taskFilterWhere(user, { objective: code }, { today });
  const [groups, overdue] = await Promise.all([
    db.task.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.task.count({
      where: { AND: [where, { status: { in: [...OPEN_STATUSES] }, dueDate: { lt: today } }] },
    }),
  ]);
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TTaskStatus, number>;
  for (const g of groups) byStatus[g.status] = g._count._all;
  const total = TASK_STATUSES.reduce((sum, s) => sum + (s === "CANCELLED" ? 0 : byStatus[s]), 0);
  return {
    byStatus,
    total,
    overdue,
    completionRate: total ? byStatus.COMPLETED / total : null,
  };
}
export type TObjectiveTaskSummary = Awaited<ReturnType<typeof getObjectiveTaskSummary>>;
