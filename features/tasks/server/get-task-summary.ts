import "server-only";
import { getDb } from "@/lib/db/client";
import { chinaToday } from "@/lib/dates";
import { OPEN_STATUSES } from "@/lib/task-status";
import type { TTaskActor } from "../lib/task-permissions";
import { mineWhere } from "./mine-where";

/** The home page's to-do figures. Each is an indexed count on the user's own org or own rows. */
export async function getTaskSummary(user: TTaskActor) {
  const db = getDb();
  const today = chinaToday();
  const mineOnly = await mineWhere(db, user.id);
  const [toSign, mine, overdue, toReview] = await Promise.all([
    db.task.count({ where: { orgId: user.orgId, status: "PENDING_SIGN" } }),
    db.task.count({ where: { status: { in: ["IN_PROGRESS", "PENDING_SIGN"] }, ...mineOnly } }),
    db.task.count({
      where: { orgId: user.orgId, status: { in: [...OPEN_STATUSES] }, dueDate: { lt: today } },
    }),
    user.permissions.has("task:review")
      ? db.task.count({ where: { reviewOrgId: user.orgId, status: "SUBMITTED" } })
      : Promise.resolve(null),
  ]);
  return { toSign, mine, overdue, toReview };
}
