import "server-only";
import { getDb } from "@/lib/db/client";
import { linkAttachments } from "@/features/evidence/server/link-attachments";
import { notifyOrg } from "@/features/notifications/server/notify";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import type { TSubmitCompletion } from "../schemas";
import { recordEvent, updateTaskIfUnchanged } from "./change-task";
import { loadTaskForAction } from "./load-task";

/** 办结: the chair reports completion; the task goes to the assigning org's review queue. */
export async function submitCompletion(actor: TTaskActor, input: TSubmitCompletion, now = new Date()) {
  const db = getDb();
  const repeat = await db.completionReport.findUnique({ where: { clientToken: input.clientToken }, select: { id: true } });
  if (repeat) return { reportId: repeat.id };
  return db.$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, input.taskId, "submit", input.version);
    const to = nextStatus(task.status, "submit");
    await updateTaskIfUnchanged(tx, task, { status: to, submittedAt: now, lastReason: null });
    const report = await tx.completionReport.create({ data: { taskId: task.id, summary: input.summary, submittedById: actor.id, clientToken: input.clientToken } });
    if (input.attachmentIds.length) await linkAttachments(tx, { taskId: task.id, uploaderId: actor.id, ids: input.attachmentIds, target: { reportId: report.id } });
    await recordEvent(tx, { taskId: task.id, actorId: actor.id, type: "SUBMITTED", from: task.status, to, message: input.summary });
    await notifyOrg(tx, task.reviewOrgId, "SUBMITTED", task.id, { objective: task.objective.title, org: task.org.name });
    return { reportId: report.id };
  });
}
