import "server-only";
import { getDb } from "@/lib/db/client";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import { loadTaskForAction } from "./load-task";
import type { TTaskRef } from "./sign-task";
import { applyTaskChange } from "./write/apply-change";

/** 退回: the receiving org hands the task back with a reason; the assigner decides. */
export async function handBackTask(actor: TTaskActor, ref: TTaskRef & { reason: string }, now = new Date()) {
  const task = await loadTaskForAction(getDb(), actor, {
    taskId: ref.taskId,
    action: "handBack",
    version: ref.version,
  });
  const to = nextStatus(task.status, "handBack");
  await applyTaskChange(getDb(), {
    task,
    actorId: actor.id,
    now,
    to,
    fields: { lastReason: ref.reason },
    event: { type: "HANDED_BACK", message: ref.reason },
    notify: {
      type: "HANDED_BACK",
      orgId: task.reviewOrgId,
      params: { objective: task.objective.title, org: task.org.name, reason: ref.reason },
    },
  });
  return { status: to };
}
