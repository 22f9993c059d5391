import "server-only";
import { getDb } from "@/lib/db/client";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import type { TReview } from "../schemas";
import { loadTaskForAction } from "./load-task";
import { applyTaskChange } from "./write/apply-change";

/** 销号 (approve: the task is complete) or 退办 (return with a reason: back to in progress). */
export async function reviewCompletion(actor: TTaskActor, input: TReview, now = new Date()) {
  const db = getDb();
  const approve = input.decision === "APPROVED";
  const action = approve ? "approve" : "return";
  const task = await loadTaskForAction(db, actor, { taskId: input.taskId, action, version: input.version });
  const to = nextStatus(task.status, action);
  await applyTaskChange(db, {
    task,
    actorId: actor.id,
    now,
    to,
    ...(approve ? { progress: 100 } : {}),
    fields: approve
      ? { completedAt: now, lastReason: null }
      : { submittedAt: null, lastReason: input.note ?? null },
    guards: [{ kind: "openReport" }],
    event: { type: input.decision, message: input.note ?? null },
    records: [{ kind: "reportDecision", decision: input.decision, note: input.note ?? null }],
    notify: {
      type: input.decision,
      orgId: task.orgId,
      userIds: task.responsibleId ? [task.responsibleId] : [],
      params: approve
        ? { objective: task.objective.title }
        : { objective: task.objective.title, reason: input.note ?? "" },
    },
  });
  return { status: to };
}
