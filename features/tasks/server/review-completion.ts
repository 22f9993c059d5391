import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { notifyOrg, notifyUsers } from "@/features/notifications/server/notify";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import type { TReview } from "../schemas";
import { recordEvent, updateTaskIfUnchanged } from "./change-task";
import { deriveParentProgress } from "./derive-progress";
import { loadTaskForAction } from "./load-task";

/** 销号 (approve: the task is complete) or 退办 (return with a reason: back to in progress). */
export async function reviewCompletion(actor: TTaskActor, input: TReview, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    const approve = input.decision === "APPROVED";
    const action = approve ? "approve" : "return";
    const task = await loadTaskForAction(tx, actor, input.taskId, action, input.version);
    const to = nextStatus(task.status, action);
    const report = await tx.completionReport.findFirst({ where: { taskId: task.id, decision: null }, orderBy: { id: "desc" }, select: { id: true } });
    if (!report) throw new AppError("INVALID_TRANSITION");
    await updateTaskIfUnchanged(tx, task, approve ? { status: to, completedAt: now, progress: 100, lastReason: null } : { status: to, submittedAt: null, lastReason: input.note ?? null });
    await tx.completionReport.update({ where: { id: report.id }, data: { decision: input.decision, decidedById: actor.id, decidedAt: now, decisionNote: input.note ?? null } });
    await recordEvent(tx, {
      taskId: task.id, actorId: actor.id, type: approve ? "APPROVED" : "RETURNED", from: task.status, to, message: input.note,
      ...(approve && task.progress !== 100 ? { changes: { progress: [task.progress, 100] } } : {}),
    });
    const params: Record<string, string> = approve ? { objective: task.objective.title } : { objective: task.objective.title, reason: input.note ?? "" };
    await notifyOrg(tx, task.orgId, input.decision, task.id, params);
    if (task.responsibleId) await notifyUsers(tx, [task.responsibleId], input.decision, task.id, params);
    if (approve) await deriveParentProgress(tx, task.parentTaskId);
    return { status: to };
  });
}
