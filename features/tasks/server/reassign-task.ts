import "server-only";
import { getDb } from "@/lib/db/client";
import { formatDay, parseDay } from "@/lib/dates";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import { loadTaskForAction } from "./load-task";
import type { TTaskRef } from "./sign-task";
import { applyTaskChange } from "./write/apply-change";

/** The assigner sends a handed-back task again, optionally with a new due date or note. */
export async function reassignTask(
  actor: TTaskActor,
  ref: TTaskRef & { dueDate?: string; note?: string },
  now = new Date(),
) {
  const task = await loadTaskForAction(getDb(), actor, {
    taskId: ref.taskId,
    action: "reassign",
    version: ref.version,
  });
  const to = nextStatus(task.status, "reassign");
  const due = ref.dueDate ? parseDay(ref.dueDate) : undefined;
  const moved = due && due.getTime() !== task.dueDate.getTime();
  await applyTaskChange(getDb(), {
    task,
    actorId: actor.id,
    now,
    to,
    fields: { lastReason: null, ...(due ? { dueDate: due } : {}), ...(ref.note ? { note: ref.note } : {}) },
    event: {
      type: "REASSIGNED",
      message: ref.note,
      changes: moved ? { dueDate: [formatDay(task.dueDate), ref.dueDate] } : {},
    },
    notify: {
      type: "NEW_TASKS",
      orgId: task.orgId,
      params: { count: 1, assignerOrg: task.reviewOrg.name, batchId: null },
    },
  });
  return { status: to };
}
