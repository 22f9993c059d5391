import "server-only";
import { getDb } from "@/lib/db/client";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import type { TSubmitCompletion } from "../schemas";
import { loadTaskForAction } from "./load-task";
import { applyTaskChange } from "./write/apply-change";
import { oncePerToken } from "./write/client-token";

/**
 * 办结: the chair reports completion; the task goes to the assigning org's review queue. A repeated
 * submit (same client token, user and task) answers with the first report.
 */
export async function submitCompletion(actor: TTaskActor, input: TSubmitCompletion, now = new Date()) {
  const db = getDb();
  return oncePerToken({
    first: async () => {
      const r = await db.completionReport.findFirst({
        where: { clientToken: input.clientToken, taskId: input.taskId, submittedById: actor.id },
        select: { id: true },
      });
      return r && { reportId: r.id };
    },
    taken: async () => !!(await db.completionReport.count({ where: { clientToken: input.clientToken } })),
    write: () => submitOnce(actor, input, now),
  });
}

async function submitOnce(actor: TTaskActor, input: TSubmitCompletion, now: Date) {
  const db = getDb();
  const task = await loadTaskForAction(db, actor, {
    taskId: input.taskId,
    action: "submit",
    version: input.version,
  });
  const to = nextStatus(task.status, "submit");
  const { resultId } = await applyTaskChange(db, {
    task,
    actorId: actor.id,
    now,
    to,
    fields: { submittedAt: now, lastReason: null },
    event: { type: "SUBMITTED", message: input.summary },
    records: [{ kind: "completionReport", summary: input.summary, clientToken: input.clientToken }],
    evidenceIds: input.attachmentIds,
    guards: input.attachmentIds.length
      ? [{ kind: "ownUnlinkedAttachments", ids: input.attachmentIds, uploaderId: actor.id }]
      : [],
    notify: {
      type: "SUBMITTED",
      orgId: task.reviewOrgId,
      params: { objective: task.objective.title, org: task.org.name },
    },
  });
  return { reportId: resultId! };
}
