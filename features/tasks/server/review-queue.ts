import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ATTACHMENT_VIEW_SELECT } from "@/features/evidence/server/attachment-view";
import type { TTaskActor } from "../lib/task-permissions";
import { TASK_ROW_SELECT } from "./list-tasks";

export const QUEUE_PAGE = 20;

// The review queues are the user's own org's work: tasks it assigned (its review org) that wait
// for it. Each is read through Task(reviewOrgId, status, submittedAt), so a queue costs the same
// for a county and for the national federation. What waits at orgs below is in the task list
// (/tasks?status=SUBMITTED), which the page links to.
function ownQueue(user: TTaskActor, status: "SUBMITTED" | "HANDED_BACK"): Prisma.TaskWhereInput {
  return { reviewOrgId: user.orgId, status };
}

function page<T extends { id: number }>(rows: T[]) {
  const items = rows.slice(0, QUEUE_PAGE);
  return { items, nextCursor: rows.length > QUEUE_PAGE ? (items.at(-1)?.id ?? null) : null };
}

/** Prisma cursor paging: the rows after row `cursor` (none given: from the start). */
function after(cursor?: number): { cursor?: { id: number }; skip?: number } {
  return cursor ? { cursor: { id: cursor }, skip: 1 } : {};
}

/** 待审核: submitted completion reports, oldest first, with the evidence to preview. */
export async function listSubmitted(user: TTaskActor, cursor?: number) {
  const rows = await getDb().task.findMany({
    where: ownQueue(user, "SUBMITTED"),
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: QUEUE_PAGE + 1,
    ...after(cursor),
    select: {
      ...TASK_ROW_SELECT,
      version: true,
      submittedAt: true,
      reports: {
        where: { decision: null },
        orderBy: { id: "desc" },
        take: 1,
        select: {
          summary: true,
          createdAt: true,
          submittedBy: { select: { name: true } },
          attachments: { select: ATTACHMENT_VIEW_SELECT },
        },
      },
    },
  });
  return page(rows);
}

/** 被退回: handed-back tasks waiting for the assigner, earliest due first. */
export async function listHandedBack(user: TTaskActor, cursor?: number) {
  const rows = await getDb().task.findMany({
    where: ownQueue(user, "HANDED_BACK"),
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: QUEUE_PAGE + 1,
    ...after(cursor),
    select: { ...TASK_ROW_SELECT, version: true },
  });
  return page(rows);
}

/** 延期申请: pending extension requests on the org's assignments, oldest first. */
export async function listExtensions(user: TTaskActor, cursor?: number) {
  const rows = await getDb().extensionRequest.findMany({
    where: { status: "PENDING", task: { reviewOrgId: user.orgId } },
    orderBy: { id: "asc" },
    take: QUEUE_PAGE + 1,
    ...after(cursor),
    select: {
      id: true,
      fromDue: true,
      toDue: true,
      reason: true,
      createdAt: true,
      requestedBy: { select: { name: true } },
      task: { select: { ...TASK_ROW_SELECT, version: true } },
    },
  });
  return page(rows);
}
