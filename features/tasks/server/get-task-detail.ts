import "server-only";
import { getDb } from "@/lib/db/client";
import { ATTACHMENT_VIEW_SELECT } from "@/features/evidence/server/attachment-view";
import { availableActions, type TTaskActor } from "../lib/task-permissions";
import { chinaToday } from "@/lib/dates";
import { toRelations, loadTaskForRead } from "./load-task";
import { nudgeableChildrenWhere } from "./nudge-children";

const USER = { select: { id: true, name: true } } as const;

/** Everything the task page shows, or NOT_FOUND outside the user's scope. */
export async function getTaskDetail(user: TTaskActor, taskId: number) {
  const db = getDb();
  const scoped = await loadTaskForRead(db, user, taskId);
  // Most tasks were never passed down: their sub-task queries (4 round trips) are skipped.
  const passedDown = scoped.anyChildren;
  // Sub-tasks unsigned or overdue: what a bulk 催办 would reach.
  const nudgeable = passedDown
    ? db.task.count({ where: nudgeableChildrenWhere(taskId, chinaToday()) })
    : Promise.resolve(0);
  const [task, events, progresses, reports, extensions, children, childCounts] = await Promise.all([
    db.task.findUniqueOrThrow({
      where: { id: taskId },
      include: {
        objective: { select: { id: true, code: true, title: true, sourceText: true } },
        mainTask: { select: { code: true, title: true } },
        org: { select: { id: true, name: true, code: true, level: true } },
        reviewOrg: { select: { id: true, name: true } },
        responsible: USER,
        helpers: { select: { user: USER } },
        parentTask: { select: { id: true, orgPath: true, org: { select: { name: true } } } },
      },
    }),
    db.taskEvent.findMany({
      where: { taskId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        type: true,
        fromStatus: true,
        toStatus: true,
        changes: true,
        message: true,
        createdAt: true,
        actor: { select: { name: true, org: { select: { name: true } } } },
      },
    }),
    db.progressUpdate.findMany({
      where: { taskId },
      orderBy: { id: "desc" },
      take: 50,
      select: {
        id: true,
        percent: true,
        state: true,
        narrative: true,
        value: true,
        createdAt: true,
        author: USER,
        attachments: { select: ATTACHMENT_VIEW_SELECT },
      },
    }),
    db.completionReport.findMany({
      where: { taskId },
      orderBy: { id: "desc" },
      select: {
        id: true,
        summary: true,
        createdAt: true,
        decision: true,
        decidedAt: true,
        decisionNote: true,
        submittedBy: USER,
        decidedBy: USER,
        attachments: { select: ATTACHMENT_VIEW_SELECT },
      },
    }),
    db.extensionRequest.findMany({
      where: { taskId },
      orderBy: { id: "desc" },
      select: {
        id: true,
        fromDue: true,
        toDue: true,
        reason: true,
        status: true,
        createdAt: true,
        decidedAt: true,
        decisionNote: true,
        requestedBy: USER,
        decidedBy: USER,
      },
    }),
    passedDown
      ? db.task.findMany({
          where: { parentTaskId: taskId },
          orderBy: { id: "asc" },
          take: 100,
          select: {
            id: true,
            status: true,
            progress: true,
            dueDate: true,
            light: true,
            org: { select: { name: true } },
          },
        })
      : [],
    passedDown
      ? db.task.groupBy({ by: ["status"], where: { parentTaskId: taskId }, _count: { _all: true } })
      : [],
  ]);
  const parentVisible =
    task.parentTask && task.parentTask.orgPath.includes(user.orgId)
      ? { id: task.parentTask.id, orgName: task.parentTask.org.name }
      : null;
  return {
    task: { ...task, parentTask: parentVisible },
    events,
    progresses,
    reports,
    extensions,
    children,
    childCounts: Object.fromEntries(childCounts.map((c) => [c.status, c._count._all])),
    nudgeableChildren: await nudgeable,
    /** Passed down further: the progress is derived from the children, not entered. */
    derivedProgress: scoped.hasChildren,
    actions: availableActions(user, toRelations(scoped)),
  };
}

export type TTaskDetail = Awaited<ReturnType<typeof getTaskDetail>>;

/** Active staff and chairs of the task's org, for 承办. */
export async function listOrgStaff(orgId: number) {
  return getDb().user.findMany({
    where: { orgId, active: true, role: { in: ["STAFF", "CHAIR"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
}
