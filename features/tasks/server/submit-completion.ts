import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { linkAttachments } from "@/features/evidence/server/link-attachments";
import { notifyOrg } from "@/features/notifications/server/notify";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import type { TSubmitCompletion } from "../schemas";
import { recordEvent, updateTaskIfUnchanged } from "./change-task";
import { loadTaskForAction } from "./load-task";
import { writeInOneStatement } from "./write-in-one-statement";

/**
 * 办结: the chair reports completion; the task goes to the assigning org's review queue.
 * Without evidence, for a task that was not passed down, it is one statement after the checks.
 */
export async function submitCompletion(actor: TTaskActor, input: TSubmitCompletion, now = new Date()) {
  const db = getDb();
  const repeat = await db.completionReport.findUnique({
    where: { clientToken: input.clientToken },
    select: { id: true },
  });
  if (repeat) return { reportId: repeat.id };
  if (input.attachmentIds.length === 0) {
    const task = await loadTaskForAction(db, actor, input.taskId, "submit", input.version);
    if (task.parentTaskId === null) {
      const to = nextStatus(task.status, "submit");
      const done = await writeInOneStatement(db, {
        task,
        actorId: actor.id,
        now,
        after: { status: to, completedAt: null },
        set: Prisma.sql`status = ${to}::"TaskStatus", "submittedAt" = ${now}, "lastReason" = NULL`,
        event: { type: "SUBMITTED", from: task.status, to, message: input.summary },
        notify: {
          type: "SUBMITTED",
          orgId: task.reviewOrgId,
          params: { objective: task.objective.title, org: task.org.name },
        },
        more: [
          Prisma.sql`rep AS (
          INSERT INTO "CompletionReport" ("taskId", summary, "submittedById", "clientToken", "createdAt")
          SELECT upd.id, ${input.summary}, ${actor.id}, ${input.clientToken}, ${now} FROM upd RETURNING id)`,
        ],
        result: Prisma.sql`(SELECT id FROM rep)`,
      });
      if (done) return { reportId: done.result! };
    }
  }
  return db.$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, input.taskId, "submit", input.version);
    const to = nextStatus(task.status, "submit");
    await updateTaskIfUnchanged(tx, task, { status: to, submittedAt: now, lastReason: null });
    const report = await tx.completionReport.create({
      data: {
        taskId: task.id,
        summary: input.summary,
        submittedById: actor.id,
        clientToken: input.clientToken,
      },
    });
    if (input.attachmentIds.length)
      await linkAttachments(tx, {
        taskId: task.id,
        uploaderId: actor.id,
        ids: input.attachmentIds,
        target: { reportId: report.id },
      });
    await recordEvent(tx, {
      taskId: task.id,
      actorId: actor.id,
      type: "SUBMITTED",
      from: task.status,
      to,
      message: input.summary,
    });
    await notifyOrg(tx, task.reviewOrgId, "SUBMITTED", task.id, {
      objective: task.objective.title,
      org: task.org.name,
    });
    return { reportId: report.id };
  });
}
