import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import type { TReview } from "../schemas";
import { loadTaskForAction } from "./load-task";
import { auditActor } from "./audit-actor";
import { applyTaskChangeIn } from "./write/apply-change";

/** 销号 (approve: the task is complete) or 退办 (return with a reason: back to in progress); audited (task.review). */
export async function reviewCompletion(actor: TTaskActor, input: TReview, now = new Date()) {
  const db = getDb();
  const approve = input.decision === "APPROVED";
  const action = approve ? "approve" : "return";
  const task = await loadTaskForAction(db, actor, { taskId: input.taskId, action, version: input.version });
  const to = nextStatus(task.status, action);
  // The decision and its audit entry commit together.
  await db.$transaction(async (tx) => {
    await applyTaskChangeIn(tx, {
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
    await recordAudit(
      {
        action: "task.review",
        actor: auditActor(actor),
        target: { type: "task", id: task.id },
        detail: { review: "completion", decision: input.decision, orgId: task.orgId },
      },
      tx,
    );
  });
  return { status: to };
}
