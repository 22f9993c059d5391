import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { notifyOrg } from "@/features/notifications/server/notify";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import type { TReview } from "../schemas";
import { recordEvent, updateTaskIfUnchanged } from "./change-task";
import { deriveParentProgress } from "./derive-progress";
import { loadTaskForAction } from "./load-task";
import { writeInOneStatement } from "./write-in-one-statement";

/**
 * 销号 (approve: the task is complete) or 退办 (return with a reason: back to in progress).
 * For a task that was not passed down it is one statement after the checks.
 */
export async function reviewCompletion(actor: TTaskActor, input: TReview, now = new Date()) {
  const db = getDb();
  const approve = input.decision === "APPROVED";
  const action = approve ? "approve" : "return";
  const task = await loadTaskForAction(db, actor, input.taskId, action, input.version);
  const to = nextStatus(task.status, action);
  const params: Record<string, string> = approve
    ? { objective: task.objective.title }
    : { objective: task.objective.title, reason: input.note ?? "" };
  const recipients = task.responsibleId ? [task.responsibleId] : [];
  if (task.parentTaskId === null) {
    const done = await writeInOneStatement(db, {
      task,
      actorId: actor.id,
      now,
      after: { status: to, completedAt: approve ? now : null },
      ...(approve ? { progressTo: 100 } : {}),
      set: approve
        ? Prisma.sql`status = ${to}::"TaskStatus", "completedAt" = ${now}, progress = 100, "lastReason" = NULL`
        : Prisma.sql`status = ${to}::"TaskStatus", "submittedAt" = NULL, "lastReason" = ${input.note ?? null}`,
      guard: Prisma.sql`EXISTS (SELECT 1 FROM "CompletionReport" r WHERE r."taskId" = "Task".id AND r.decision IS NULL)`,
      event: {
        type: input.decision,
        from: task.status,
        to,
        message: input.note ?? null,
        ...(approve
          ? {
              changes: Prisma.sql`CASE WHEN cur.progress <> 100 THEN jsonb_build_object('progress', jsonb_build_array(cur.progress, 100)) END`,
            }
          : {}),
      },
      notify: { type: input.decision, orgId: task.orgId, userIds: recipients, params },
      more: [
        Prisma.sql`rep AS (
        UPDATE "CompletionReport" SET decision = ${input.decision}::"ReviewDecision", "decidedById" = ${actor.id}, "decidedAt" = ${now}, "decisionNote" = ${input.note ?? null}
        WHERE id = (SELECT max(r.id) FROM "CompletionReport" r, upd WHERE r."taskId" = upd.id AND r.decision IS NULL) RETURNING id)`,
      ],
    });
    if (done) return { status: to };
  }
  return db.$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, input.taskId, action, input.version);
    const report = await tx.completionReport.findFirst({
      where: { taskId: task.id, decision: null },
      orderBy: { id: "desc" },
      select: { id: true },
    });
    if (!report) throw new AppError("INVALID_TRANSITION");
    await updateTaskIfUnchanged(
      tx,
      task,
      approve
        ? { status: to, completedAt: now, progress: 100, lastReason: null }
        : { status: to, submittedAt: null, lastReason: input.note ?? null },
    );
    await tx.completionReport.update({
      where: { id: report.id },
      data: {
        decision: input.decision,
        decidedById: actor.id,
        decidedAt: now,
        decisionNote: input.note ?? null,
      },
    });
    await recordEvent(tx, {
      taskId: task.id,
      actorId: actor.id,
      type: approve ? "APPROVED" : "RETURNED",
      from: task.status,
      to,
      message: input.note,
      ...(approve && task.progress !== 100 ? { changes: { progress: [task.progress, 100] } } : {}),
    });
    await notifyOrg(tx, task.orgId, input.decision, task.id, params, undefined, recipients);
    if (approve) await deriveParentProgress(tx, task.parentTaskId);
    return { status: to };
  });
}
