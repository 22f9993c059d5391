import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { chinaToday } from "@/lib/dates";
import { OPEN_STATUSES } from "@/lib/task-status";
import type { TTaskActor } from "../lib/task-permissions";
import { mineWhere } from "./mine-where";

/**
 * 我的待办: the tasks waiting for this user to act, each counted once (one count over an OR of
 * indexed conditions; `mine` is mineWhere's responsible-or-helper condition):
 * - tasks the user works on (responsible or helper) that are PENDING_SIGN or IN_PROGRESS;
 * - with `task:handle`: tasks held by the user's own org that wait to be signed (PENDING_SIGN);
 * - with `task:review`: tasks whose review org is the user's own org that wait for review (SUBMITTED).
 * So it is never below 本单位待签收 (for those who may sign) nor 待本单位审核.
 */
export function myTodoWhere(user: TTaskActor, mine: Prisma.TaskWhereInput): Prisma.TaskWhereInput {
  const or: Prisma.TaskWhereInput[] = [{ status: { in: ["IN_PROGRESS", "PENDING_SIGN"] }, ...mine }];
  if (user.permissions.has("task:handle")) or.push({ orgId: user.orgId, status: "PENDING_SIGN" });
  if (user.permissions.has("task:review")) or.push({ reviewOrgId: user.orgId, status: "SUBMITTED" });
  return { OR: or };
}

/** The home page's to-do figures. Each is an indexed count on the user's own org or own rows. */
export async function getTaskSummary(user: TTaskActor) {
  const db = getDb();
  const today = chinaToday();
  const mineOnly = await mineWhere(db, user.id);
  const [toSign, mine, overdue, toReview] = await Promise.all([
    db.task.count({ where: { orgId: user.orgId, status: "PENDING_SIGN" } }),
    db.task.count({ where: myTodoWhere(user, mineOnly) }),
    db.task.count({
      where: { orgId: user.orgId, status: { in: [...OPEN_STATUSES] }, dueDate: { lt: today } },
    }),
    user.permissions.has("task:review")
      ? db.task.count({ where: { reviewOrgId: user.orgId, status: "SUBMITTED" } })
      : Promise.resolve(null),
  ]);
  return { toSign, mine, overdue, toReview };
}
