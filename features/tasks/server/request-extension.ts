import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatDay, parseDay } from "@/lib/dates";
import type { TTaskActor } from "../lib/task-permissions";
import type { TRequestExtension } from "../schemas";
import { loadTaskForAction } from "./load-task";
import { applyTaskChange } from "./write/apply-change";
import { oncePerToken } from "./write/client-token";

/** 延期申请: asks the assigner for a later due date. At most one request is pending at a
 * time. A repeated request (same client token, user and task) answers with the first one.
 */
export async function requestExtension(actor: TTaskActor, input: TRequestExtension, now = new Date()) {
  const db = getDb();
  return oncePerToken({
    first: async () => {
      const r = await db.extensionRequest.findFirst({
        where: { clientToken: input.clientToken, taskId: input.taskId, requestedById: actor.id },
        select: { id: true },
      });
      return r && { extensionId: r.id };
    },
    taken: async () => !!(await db.extensionRequest.count({ where: { clientToken: input.clientToken } })),
    write: () => requestOnce(actor, input, now),
  });
}

async function requestOnce(actor: TTaskActor, input: TRequestExtension, now: Date) {
  const db = getDb();
  const task = await loadTaskForAction(db, actor, {
    taskId: input.taskId,
    action: "requestExtension",
    version: input.version,
  });
  const toDue = parseDay(input.toDue);
  if (toDue <= task.dueDate) throw new AppError("VALIDATION", { toDue: "notLater" });
  // The version bump serialises concurrent requests; the guard sees the pending one under the lock.
  const { resultId } = await applyTaskChange(db, {
    task,
    actorId: actor.id,
    now,
    guards: [{ kind: "noPendingExtension" }],
    event: {
      type: "EXTENSION_REQUESTED",
      message: input.reason,
      changes: { dueDate: [formatDay(task.dueDate), input.toDue] },
    },
    records: [
      {
        kind: "extensionRequest",
        fromDue: task.dueDate,
        toDue,
        reason: input.reason,
        clientToken: input.clientToken,
      },
    ],
    notify: {
      type: "EXTENSION_REQUESTED",
      orgId: task.reviewOrgId,
      params: { objective: task.objective.title, org: task.org.name, toDue: input.toDue },
    },
  });
  return { extensionId: resultId! };
}
