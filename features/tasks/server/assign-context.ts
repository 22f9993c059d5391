import "server-only";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import type { TTaskActor } from "../lib/task-permissions";
import { loadTaskForAction } from "./load-task";

/** What the 下达 form needs; for 分解, the task being passed down (null when not allowed). */
export async function getAssignContext(user: TTaskActor, parentTaskId?: number) {
  const db = getDb();
  let parent: {
    taskId: number;
    objectiveId: number;
    code: string;
    title: string;
    dueDate: string;
    orgId: number;
  } | null = null;
  if (parentTaskId) {
    const task = await loadTaskForAction(db, user, { taskId: parentTaskId, action: "cascade" }).catch((e) => {
      if (isAppError(e)) return null;
      throw e;
    });
    if (!task) return null;
    parent = {
      taskId: task.id,
      objectiveId: task.objectiveId,
      code: task.objective.code,
      title: task.objective.title,
      dueDate: formatDay(task.dueDate),
      orgId: task.orgId,
    };
  }
  const rootId = parent?.orgId ?? user.orgId;
  const [root, children, nodes] = await Promise.all([
    db.org.findUniqueOrThrow({ where: { id: rootId }, select: { id: true, name: true, code: true } }),
    db.org.findMany({
      where: { parentId: rootId },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true, code: true },
    }),
    parent
      ? []
      : db.objective.findMany({
          where: { level: { in: ["MAIN_TASK", "SUB_ITEM", "MEASURE"] } },
          orderBy: { id: "asc" },
          select: { id: true, code: true, title: true, level: true },
        }),
  ]);
  const today = chinaToday();
  const defaultDue = parent ? parent.dueDate : formatDay(addDays(today, 90));
  return {
    parent,
    root,
    children,
    nodes: nodes as {
      id: number;
      code: string;
      title: string;
      level: "MAIN_TASK" | "SUB_ITEM" | "MEASURE";
    }[],
    today: formatDay(today),
    defaultDue,
  };
}
