import "server-only";
import { getDb } from "@/lib/db/client";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import { loadTaskForAction } from "./load-task";
import { applyTaskChange } from "./write/apply-change";

export type TTaskRef = { taskId: number; version: number };

/** 签收: the receiving org accepts the task; work can start. */
export async function signTask(actor: TTaskActor, ref: TTaskRef, now = new Date()) {
  const task = await loadTaskForAction(getDb(), actor, {
    taskId: ref.taskId,
    action: "sign",
    version: ref.version,
  });
  const to = nextStatus(task.status, "sign");
  await applyTaskChange(getDb(), {
    task,
    actorId: actor.id,
    now,
    to,
    fields: { signedAt: now, lastReason: null },
    event: { type: "SIGNED" },
  });
  return { status: to };
}
