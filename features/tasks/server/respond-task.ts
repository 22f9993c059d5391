import "server-only";
import { getDb } from "@/lib/db/client";
import { notifyOrg } from "@/features/notifications/server/notify";
import { formatDay, parseDay } from "../lib/dates";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import { recordEvent, updateTaskIfUnchanged } from "./change-task";
import { loadTaskForAction } from "./load-task";

type TRef = { taskId: number; version: number };

/** 签收: the receiving org accepts the task; work can start. */
export async function signTask(actor: TTaskActor, ref: TRef, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, ref.taskId, "sign", ref.version);
    const to = nextStatus(task.status, "sign");
    await updateTaskIfUnchanged(tx, task, { status: to, signedAt: now, lastReason: null });
    await recordEvent(tx, { taskId: task.id, actorId: actor.id, type: "SIGNED", from: task.status, to });
    return { status: to };
  });
}

/** 退回: the receiving org hands the task back with a reason; the assigner decides. */
export async function handBackTask(actor: TTaskActor, ref: TRef & { reason: string }) {
  return getDb().$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, ref.taskId, "handBack", ref.version);
    const to = nextStatus(task.status, "handBack");
    await updateTaskIfUnchanged(tx, task, { status: to, lastReason: ref.reason });
    await recordEvent(tx, {
      taskId: task.id,
      actorId: actor.id,
      type: "HANDED_BACK",
      from: task.status,
      to,
      message: ref.reason,
    });
    await notifyOrg(tx, task.reviewOrgId, "HANDED_BACK", task.id, {
      objective: task.objective.title,
      org: task.org.name,
      reason: ref.reason,
    });
    return { status: to };
  });
}

/** The assigner sends a handed-back task again, optionally with a new due date or note. */
export async function reassignTask(actor: TTaskActor, ref: TRef & { dueDate?: string; note?: string }) {
  return getDb().$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, ref.taskId, "reassign", ref.version);
    const to = nextStatus(task.status, "reassign");
    const changes: Record<string, [unknown, unknown]> = {};
    const due = ref.dueDate ? parseDay(ref.dueDate) : undefined;
    if (due && due.getTime() !== task.dueDate.getTime())
      changes.dueDate = [formatDay(task.dueDate), ref.dueDate];
    await updateTaskIfUnchanged(tx, task, {
      status: to,
      lastReason: null,
      ...(due ? { dueDate: due } : {}),
      ...(ref.note ? { note: ref.note } : {}),
    });
    await recordEvent(tx, {
      taskId: task.id,
      actorId: actor.id,
      type: "REASSIGNED",
      from: task.status,
      to,
      changes,
      message: ref.note,
    });
    await notifyOrg(tx, task.orgId, "NEW_TASKS", task.id, {
      count: 1,
      assignerOrg: task.reviewOrg.name,
      batchId: null,
    });
    return { status: to };
  });
}

/** 撤销: the assigner withdraws a task that is not yet submitted. The row is kept. */
export async function cancelTask(actor: TTaskActor, ref: TRef & { reason: string }) {
  return getDb().$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, ref.taskId, "cancel", ref.version);
    const to = nextStatus(task.status, "cancel");
    await updateTaskIfUnchanged(tx, task, { status: to, lastReason: ref.reason });
    await recordEvent(tx, {
      taskId: task.id,
      actorId: actor.id,
      type: "CANCELLED",
      from: task.status,
      to,
      message: ref.reason,
    });
    return { status: to };
  });
}
