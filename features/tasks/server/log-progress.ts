import "server-only";
import { getDb } from "@/lib/db/client";
import type { TTaskActor } from "../lib/task-permissions";
import type { TLogProgress } from "../schemas";
import { loadTaskForAction } from "./load-task";
import { applyTaskChange } from "./write/apply-change";
import { oncePerToken } from "./write/client-token";
import { checkIndicatorValues } from "@/features/indicators/server/indicator-targets";

/**
 * 进展填报: a progress record (with evidence) and the task's current percent/state. A task that
 * was passed down (分解) takes its percent from its children: its holder reports the state and the
 * narrative, and the record keeps the derived percent as it is when written (the form's is ignored:
 * the children may have moved it since the page was loaded). A repeated submit returns the first record.
 */
export async function logProgress(actor: TTaskActor, input: TLogProgress, now = new Date()) {
  const db = getDb();
  return oncePerToken({
    first: async () => {
      const r = await db.progressUpdate.findFirst({
        where: { clientToken: input.clientToken, taskId: input.taskId, authorId: actor.id },
        select: { id: true },
      });
      return r && { progressUpdateId: r.id };
    },
    taken: async () => !!(await db.progressUpdate.count({ where: { clientToken: input.clientToken } })),
    write: () => logOnce(actor, input, now),
  });
}

async function logOnce(actor: TTaskActor, input: TLogProgress, now: Date) {
  const db = getDb();
  const task = await loadTaskForAction(db, actor, {
    taskId: input.taskId,
    action: "logProgress",
    version: input.version,
  });
  await checkIndicatorValues(db, task, input.indicatorValues);
  const changes: Record<string, [unknown, unknown]> = {};
  if (task.progressState !== input.state) changes.state = [task.progressState, input.state];
  if (input.value !== undefined)
    changes.value = [task.actualValue === null ? null : String(task.actualValue), String(input.value)];
  if (input.attachmentIds.length) changes.evidence = [null, input.attachmentIds.length];
  const { resultId } = await applyTaskChange(db, {
    task,
    actorId: actor.id,
    now,
    ...(task.hasChildren ? {} : { progress: input.percent }),
    ...(input.indicatorValues?.length ? { indicatorValues: input.indicatorValues } : {}),
    fields: {
      progressState: input.state,
      lastProgressAt: now,
      ...(input.value !== undefined ? { actualValue: input.value } : {}),
    },
    event: { type: "PROGRESS", message: input.narrative, changes },
    records: [
      {
        kind: "progressUpdate",
        percent: task.hasChildren ? "current" : input.percent,
        state: input.state,
        narrative: input.narrative,
        value: input.value ?? null,
        clientToken: input.clientToken,
        indicatorValues: input.indicatorValues,
      },
    ],
    evidenceIds: input.attachmentIds,
    guards: input.attachmentIds.length
      ? [{ kind: "ownUnlinkedAttachments", ids: input.attachmentIds, uploaderId: actor.id }]
      : [],
  });
  return { progressUpdateId: resultId! };
}
