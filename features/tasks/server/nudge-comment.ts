import "server-only";
import { getDb } from "@/lib/db/client";
import { notifyOrg, notifyUsers } from "@/features/notifications/server/notify";
import type { TTaskActor } from "../lib/task-permissions";
import { recordEvent } from "./record-event";
import { loadTaskForAction } from "./load-task";

/** 催办: the assigner nudges the holding org; every nudge is recorded on the timeline. */
export async function nudgeTask(
  actor: TTaskActor & { orgName: string },
  input: { taskId: number; message?: string },
) {
  return getDb().$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, { taskId: input.taskId, action: "nudge" });
    await recordEvent(tx, { taskId: task.id, actorId: actor.id, type: "NUDGED", message: input.message });
    const params = { objective: task.objective.title, from: actor.orgName, message: input.message ?? "" };
    await notifyOrg(tx, { orgId: task.orgId, type: "NUDGED", taskId: task.id, params });
    if (task.responsibleId)
      await notifyUsers(tx, { userIds: [task.responsibleId], type: "NUDGED", taskId: task.id, params });
    return { ok: true };
  });
}

/** A comment on the timeline, open to everyone who can read the task. */
export async function commentOnTask(actor: TTaskActor, input: { taskId: number; message: string }) {
  return getDb().$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, { taskId: input.taskId, action: "comment" });
    await recordEvent(tx, { taskId: task.id, actorId: actor.id, type: "COMMENT", message: input.message });
    return { ok: true };
  });
}
