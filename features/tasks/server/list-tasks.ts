import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { taskScopeWhere } from "@/lib/auth/scope";
import { chinaToday } from "@/lib/dates";
import { likeLiteral } from "@/lib/input";
import { OPEN_STATUSES } from "@/lib/task-status";
import type { TTaskActor } from "../lib/task-permissions";
import type { TTaskFilters } from "../schemas";
import { mineWhere } from "./mine-where";

export const TASK_PAGE = 30;

export const TASK_ROW_SELECT = {
  id: true,
  status: true,
  kind: true,
  priority: true,
  dueDate: true,
  progress: true,
  progressState: true,
  lastReason: true,
  light: true,
  objective: { select: { code: true, title: true } },
  org: { select: { id: true, name: true } },
  reviewOrg: { select: { name: true } },
  responsible: { select: { name: true } },
} as const satisfies Prisma.TaskSelect;

export type TTaskRow = Prisma.TaskGetPayload<{ select: typeof TASK_ROW_SELECT }>;

/** The filters as a `where`, always inside the user's subtree. */
export function taskFilterWhere(
  user: TTaskActor,
  f: TTaskFilters,
  ctx: { today: Date; mine?: Prisma.TaskWhereInput },
): Prisma.TaskWhereInput {
  const { today } = ctx;
  const and: Prisma.TaskWhereInput[] = [taskScopeWhere(user)];
  if (f.status) and.push({ status: f.status });
  if (f.overdue) and.push({ dueDate: { lt: today }, status: { in: [...OPEN_STATUSES] } });
  if (f.org) and.push(taskScopeWhere({ orgId: f.org }));
  // The completion figures' rule: not passed down from inside the org's own subtree.
  if (f.org && f.counted)
    and.push({ OR: [{ parentTaskId: null }, { parentTask: { NOT: { orgPath: { has: f.org } } } }] });
  if (f.light) and.push({ light: f.light });
  if (f.main) and.push({ mainTaskId: f.main });
  if (f.kind) and.push({ kind: f.kind });
  if (f.batch) and.push({ batchId: f.batch });
  if (f.objective)
    and.push({ objective: { OR: [{ code: f.objective }, { code: { startsWith: `${f.objective}.` } }] } });
  // A task is always of a measure, whose code is "<plan prefix>.<n>.<n>.<n>".
  if (f.plan) and.push({ objective: { code: { startsWith: `${f.plan}.` } } });
  if (f.mine) and.push(ctx.mine ?? { responsibleId: user.id });
  if (f.q) {
    const q = likeLiteral(f.q);
    and.push({
      OR: [
        { objective: { title: { contains: q } } },
        { objective: { code: { startsWith: q } } },
        { org: { name: { contains: q } } },
      ],
    });
  }
  return { AND: and };
}

/** Tasks in scope, earliest due first (so overdue ones lead), cursor-paged. */
export async function listTasks(user: TTaskActor, f: TTaskFilters, today = chinaToday()) {
  const db = getDb();
  const mine = f.mine ? await mineWhere(db, user.id) : undefined;
  const rows = await db.task.findMany({
    where: taskFilterWhere(user, f, { today, mine }),
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    select: TASK_ROW_SELECT,
    take: TASK_PAGE + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, TASK_PAGE);
  return { items, nextCursor: rows.length > TASK_PAGE ? String(items.at(-1)?.id) : null };
}

/** 我的任务: open tasks where the user is responsible or a helper, earliest due (overdue) first. */
export async function listMyTasks(user: TTaskActor, done = false) {
  const db = getDb();
  return db.task.findMany({
    where: {
      ...taskScopeWhere(user),
      ...(await mineWhere(db, user.id)),
      status: done ? { in: ["COMPLETED", "SUBMITTED"] } : { in: ["IN_PROGRESS", "PENDING_SIGN"] },
    },
    orderBy: done ? [{ updatedAt: "desc" }] : [{ dueDate: "asc" }, { id: "asc" }],
    select: { ...TASK_ROW_SELECT, version: true, lastProgressAt: true },
    take: 100,
  });
}
