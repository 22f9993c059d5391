import "server-only";
import { getDb } from "@/lib/db/client";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import { loadTaskForAction } from "./load-task";
import type { TTaskRef } from "./sign-task";
import { applyTaskChange } from "./write/apply-change";

/**
 * 撤回上报: the holder takes its 办结 report back while it is still open (not yet 销号 or 退办),
 * and the task is in progress again. The report is kept, marked withdrawn; the reviewers are not
 * notified again, and their notice of the report is marked read so it leaves their unread list.
 */
export async function withdrawCompletion(actor: TTaskActor, ref: TTaskRef, now = new Date()) {
  const db = getDb();
  const task = await loadTaskForAction(db, actor, {
    taskId: ref.taskId,
    action: "withdraw",
    version: ref.version,
  });
  const to = nextStatus(task.status, "withdraw");
  await applyTaskChange(db, {
    task,
    actorId: actor.id,
    now,
    to,
    fields: { submittedAt: null },
    guards: [{ kind: "openReport" }],
    event: { type: "WITHDRAWN" },
    records: [
      { kind: "reportDecision", decision: "WITHDRAWN", note: null },
      { kind: "notificationsDone", type: "SUBMITTED", orgId: task.reviewOrgId },
    ],
  });
  return { status: to };
}
