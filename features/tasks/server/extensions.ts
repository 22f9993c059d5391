import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { notifyOrg } from "@/features/notifications/server/notify";
import { formatDay, parseDay } from "../lib/dates";
import type { TTaskActor } from "../lib/task-permissions";
import type { TDecideExtension, TRequestExtension } from "../schemas";
import { recordEvent, updateTaskIfUnchanged } from "./change-task";
import { loadTaskForAction } from "./load-task";

/** 延期申请: asks the assigner for a later due date. At most one request is pending at a time. */
export async function requestExtension(actor: TTaskActor, input: TRequestExtension) {
  const db = getDb();
  const repeat = await db.extensionRequest.findUnique({
    where: { clientToken: input.clientToken },
    select: { id: true },
  });
  if (repeat) return { extensionId: repeat.id };
  return db.$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, input.taskId, "requestExtension", input.version);
    const toDue = parseDay(input.toDue);
    if (toDue <= task.dueDate) throw new AppError("VALIDATION", { toDue: "notLater" });
    // The version bump serialises concurrent requests, so this check cannot be raced.
    await updateTaskIfUnchanged(tx, task, {});
    if (await tx.extensionRequest.count({ where: { taskId: task.id, status: "PENDING" } }))
      throw new AppError("ALREADY_EXISTS");
    const ext = await tx.extensionRequest.create({
      data: {
        taskId: task.id,
        requestedById: actor.id,
        fromDue: task.dueDate,
        toDue,
        reason: input.reason,
        clientToken: input.clientToken,
      },
    });
    await recordEvent(tx, {
      taskId: task.id,
      actorId: actor.id,
      type: "EXTENSION_REQUESTED",
      changes: { dueDate: [formatDay(task.dueDate), input.toDue] },
      message: input.reason,
    });
    await notifyOrg(tx, task.reviewOrgId, "EXTENSION_REQUESTED", task.id, {
      objective: task.objective.title,
      org: task.org.name,
      toDue: input.toDue,
    });
    return { extensionId: ext.id };
  });
}

/** The assigner approves (the due date changes now, and only now) or rejects a pending request. */
export async function decideExtension(actor: TTaskActor, input: TDecideExtension, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, input.taskId, "decideExtension", input.version);
    const ext = await tx.extensionRequest.findFirst({
      where: { id: input.extensionId, taskId: task.id, status: "PENDING" },
    });
    if (!ext) throw new AppError("INVALID_TRANSITION");
    const status = input.approve ? "APPROVED" : "REJECTED";
    await updateTaskIfUnchanged(tx, task, input.approve ? { dueDate: ext.toDue } : {});
    await tx.extensionRequest.update({
      where: { id: ext.id },
      data: { status, decidedById: actor.id, decidedAt: now, decisionNote: input.note ?? null },
    });
    await recordEvent(tx, {
      taskId: task.id,
      actorId: actor.id,
      type: input.approve ? "EXTENSION_APPROVED" : "EXTENSION_REJECTED",
      message: input.note,
      ...(input.approve ? { changes: { dueDate: [formatDay(task.dueDate), formatDay(ext.toDue)] } } : {}),
    });
    await notifyOrg(tx, task.orgId, "EXTENSION_DECIDED", task.id, {
      objective: task.objective.title,
      decision: status,
      toDue: formatDay(ext.toDue),
    });
    return { status };
  });
}
