import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatDay } from "@/lib/dates";
import type { TTaskActor } from "../lib/task-permissions";
import type { TDecideExtension } from "../schemas";
import { loadTaskForAction } from "./load-task";
import { auditActor } from "./audit-actor";
import { applyTaskChangeIn } from "./write/apply-change";

/**
 * The assigner approves (the due date changes now, and only now) or rejects a pending request;
 * audited (task.review).
 */
export async function decideExtension(actor: TTaskActor, input: TDecideExtension, now = new Date()) {
  const db = getDb();
  const task = await loadTaskForAction(db, actor, {
    taskId: input.taskId,
    action: "decideExtension",
    version: input.version,
  });
  const ext = await db.extensionRequest.findFirst({
    where: { id: input.extensionId, taskId: task.id, status: "PENDING" },
    select: { id: true, toDue: true },
  });
  if (!ext) throw new AppError("INVALID_TRANSITION");
  const status = input.approve ? "APPROVED" : "REJECTED";
  // The decision and its audit entry commit together.
  await db.$transaction(async (tx) => {
    await applyTaskChangeIn(tx, {
      task,
      actorId: actor.id,
      now,
      fields: input.approve ? { dueDate: ext.toDue } : {},
      guards: [{ kind: "pendingExtension", extensionId: ext.id }],
      event: {
        type: input.approve ? "EXTENSION_APPROVED" : "EXTENSION_REJECTED",
        message: input.note,
        changes: input.approve ? { dueDate: [formatDay(task.dueDate), formatDay(ext.toDue)] } : {},
      },
      records: [
        { kind: "extensionDecision", extensionId: ext.id, approve: input.approve, note: input.note ?? null },
      ],
      notify: {
        type: "EXTENSION_DECIDED",
        orgId: task.orgId,
        params: { objective: task.objective.title, decision: status, toDue: formatDay(ext.toDue) },
      },
    });
    await recordAudit(
      {
        action: "task.review",
        actor: auditActor(actor),
        target: { type: "task", id: task.id },
        detail: { review: "extension", extensionId: ext.id, decision: status, orgId: task.orgId },
      },
      tx,
    );
  });
  return { status };
}
