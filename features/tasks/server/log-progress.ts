import "server-only";
import { getDb } from "@/lib/db/client";
import { linkAttachments } from "@/features/evidence/server/link-attachments";
import type { TTaskActor } from "../lib/task-permissions";
import type { TLogProgress } from "../schemas";
import { recordEvent, updateTaskIfUnchanged } from "./change-task";
import { deriveParentProgress } from "./derive-progress";
import { loadTaskForAction } from "./load-task";
import { writeProgressOnly } from "./write-progress";

/**
 * 进展填报: a progress record (with evidence) and the task's current percent/state. The common
 * case (no evidence, no quantity, not passed down) is one statement after the checks; the rest
 * runs in an interactive transaction. A repeated submit returns the first record.
 */
export async function logProgress(actor: TTaskActor, input: TLogProgress, now = new Date()) {
  const db = getDb();
  try {
    if (input.value === undefined && input.attachmentIds.length === 0) {
      const task = await loadTaskForAction(db, actor, input.taskId, "logProgress", input.version);
      if (task.parentTaskId === null) {
        const id = await writeProgressOnly(db, task, actor.id, input, now);
        if (id !== null) return { progressUpdateId: id };
        // The task moved on since it was loaded: the transaction below reports how.
      }
    }
    return await logProgressInTransaction(actor, input, now);
  } catch (e) {
    const first = await db.progressUpdate.findFirst({
      where: { clientToken: input.clientToken, taskId: input.taskId, authorId: actor.id },
      select: { id: true },
    });
    if (first) return { progressUpdateId: first.id };
    throw e;
  }
}

async function logProgressInTransaction(actor: TTaskActor, input: TLogProgress, now: Date) {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, input.taskId, "logProgress", input.version);
    // The loaded values are those of `version`, which the update below checks under a row lock.
    const before = {
      progress: task.progress,
      progressState: task.progressState,
      actualValue:
        input.value !== undefined
          ? (await tx.task.findUniqueOrThrow({ where: { id: task.id }, select: { actualValue: true } }))
              .actualValue
          : null,
    };
    await updateTaskIfUnchanged(tx, task, {
      progress: input.percent,
      progressState: input.state,
      lastProgressAt: now,
      ...(input.value !== undefined ? { actualValue: input.value } : {}),
    });
    const update = await tx.progressUpdate.create({
      data: {
        taskId: task.id,
        authorId: actor.id,
        percent: input.percent,
        state: input.state,
        narrative: input.narrative,
        value: input.value ?? null,
        clientToken: input.clientToken,
      },
    });
    if (input.attachmentIds.length)
      await linkAttachments(tx, {
        taskId: task.id,
        uploaderId: actor.id,
        ids: input.attachmentIds,
        target: { progressUpdateId: update.id },
      });
    const changes: Record<string, [unknown, unknown]> = { progress: [before.progress, input.percent] };
    if (before.progressState !== input.state) changes.state = [before.progressState, input.state];
    if (input.value !== undefined)
      changes.value = [before.actualValue?.toString() ?? null, String(input.value)];
    if (input.attachmentIds.length) changes.evidence = [null, input.attachmentIds.length];
    await recordEvent(tx, {
      taskId: task.id,
      actorId: actor.id,
      type: "PROGRESS",
      changes,
      message: input.narrative,
    });
    await deriveParentProgress(tx, task.parentTaskId);
    return { progressUpdateId: update.id };
  });
}
