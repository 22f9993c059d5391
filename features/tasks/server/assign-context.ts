import "server-only";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { defaultTargetLevel, levelsBelow } from "../lib/target-levels";
import type { TTaskActor } from "../lib/task-permissions";
import { loadTaskForAction } from "./load-task";

type TNode = { id: number; code: string; title: string; level: "MAIN_TASK" | "SUB_ITEM" | "MEASURE" };

/** For 分解: the task being passed down, its terms as the children's defaults; null when not allowed. */
async function getParent(user: TTaskActor, parentTaskId: number) {
  const db = getDb();
  const task = await loadTaskForAction(db, user, { taskId: parentTaskId, action: "cascade" }).catch((e) => {
    if (isAppError(e)) return null;
    throw e;
  });
  if (!task) return null;
  // Read only after the scoped, permission-checked load above found the task.
  const terms = await db.task.findUniqueOrThrow({
    where: { id: task.id },
    select: { priority: true, note: true },
  });
  return {
    taskId: task.id,
    objectiveId: task.objectiveId,
    code: task.objective.code,
    title: task.objective.title,
    dueDate: formatDay(task.dueDate),
    orgId: task.orgId,
    priority: terms.priority,
    note: terms.note ?? "",
  };
}

/**
 * What the 下达 form needs; for 分解, the task being passed down (null when not allowed).
 * `objectiveCode` preselects an objective (the 下达 button of an objective's page); `planId`
 * limits the objectives to that plan (the page passes the current plan).
 */
export async function getAssignContext(
  user: TTaskActor,
  opts: { parentTaskId?: number; objectiveCode?: string; planId?: number } = {},
) {
  const db = getDb();
  const parent = opts.parentTaskId ? await getParent(user, opts.parentTaskId) : null;
  if (opts.parentTaskId && !parent) return null;
  const rootId = parent?.orgId ?? user.orgId;
  const [root, children, nodes] = await Promise.all([
    db.org.findUniqueOrThrow({
      where: { id: rootId },
      select: { id: true, name: true, code: true, level: true },
    }),
    db.org.findMany({
      where: { parentId: rootId },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true, code: true, level: true },
    }),
    parent
      ? ([] as TNode[])
      : (db.objective.findMany({
          // The current plan's live objectives only: a retired one takes no new tasks.
          where: {
            level: { in: ["MAIN_TASK", "SUB_ITEM", "MEASURE"] },
            retiredAt: null,
            ...(opts.planId === undefined ? {} : { planId: opts.planId }),
          },
          orderBy: { id: "asc" },
          select: { id: true, code: true, title: true, level: true },
        }) as Promise<TNode[]>),
  ]);
  const today = chinaToday();
  const preselected = nodes.find((n) => n.code === opts.objectiveCode);
  return {
    parent,
    root: { id: root.id, name: root.name, code: root.code },
    children: children.map(({ id, name, code }) => ({ id, name, code })),
    nodes,
    /** Only levels below the holder's own; the form starts with the next tier present below it. */
    levels: levelsBelow(root.level),
    defaultLevel: defaultTargetLevel(root.level, new Set(children.map((c) => c.level))),
    initialObjectiveIds: preselected ? [preselected.id] : [],
    defaultPriority: parent?.priority ?? ("NORMAL" as const),
    defaultNote: parent?.note ?? "",
    today: formatDay(today),
    defaultDue: parent ? parent.dueDate : formatDay(addDays(today, 90)),
  };
}
