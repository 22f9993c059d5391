import "server-only";
import { orgScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { ATTACHMENT_VIEW_SELECT } from "@/features/evidence/server/attachment-view";
import type { TTaskActor } from "../lib/task-permissions";
import { TASK_ROW_SELECT } from "./list-tasks";

const QUEUE_PAGE = 20;

/** Tasks whose review org is the user's org or below it, and not the user's own org's tasks. */
function reviewable(user: TTaskActor) {
  return { reviewOrg: orgScopeWhere(user), orgId: { not: user.orgId } };
}

/** 待审核: submitted completion reports, oldest first, with the evidence to preview. */
export async function listSubmitted(user: TTaskActor, cursor?: number) {
  const rows = await getDb().task.findMany({
    where: { ...reviewable(user), status: "SUBMITTED" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: QUEUE_PAGE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
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
  const items = rows.slice(0, QUEUE_PAGE);
  return { items, nextCursor: rows.length > QUEUE_PAGE ? (items.at(-1)?.id ?? null) : null };
}

/** Pending extension requests and handed-back tasks waiting for the assigner, oldest first. */
export async function listAwaitingAssigner(user: TTaskActor) {
  const db = getDb();
  const [extensions, handedBack] = await Promise.all([
    db.extensionRequest.findMany({
      where: { status: "PENDING", task: reviewable(user) },
      orderBy: { id: "asc" },
      take: 100,
      select: {
        id: true,
        fromDue: true,
        toDue: true,
        reason: true,
        createdAt: true,
        requestedBy: { select: { name: true } },
        task: { select: { ...TASK_ROW_SELECT, version: true } },
      },
    }),
    db.task.findMany({
      where: { ...reviewable(user), status: "HANDED_BACK" },
      orderBy: [{ updatedAt: "asc" }],
      take: 100,
      select: { ...TASK_ROW_SELECT, version: true },
    }),
  ]);
  return { extensions, handedBack };
}
