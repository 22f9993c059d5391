import "server-only";
import { getDb, type TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { chinaToday, parseDay } from "@/lib/dates";
import { nextStatus } from "../lib/state-machine";
import type { TTaskActor } from "../lib/task-permissions";
import type { TTransfer } from "../schemas";
import { insertTasks } from "./insert-tasks";
import { carriedTargets } from "@/features/indicators/server/indicator-targets";
import { loadTaskForAction, type TLoadedTask } from "./load-task";
import { resolveTargets } from "./resolve-targets";
import { lockTreeShared } from "@/lib/db/tree-lock";
import { applyTaskChangeIn } from "./write/apply-change";

// 转派: after a hand-back, the assigner gives the measure to another unit instead. A task never
// changes hands (its org decides its regions, its path and who may see its history), so the
// handed-back task is closed (CANCELLED, with a TRANSFERRED entry naming the new unit) and the
// new unit gets a new task through the same insert as 下达/分解, with the same terms.

async function repeated(clientToken: string, actorId: number) {
  const batch = await getDb().assignmentBatch.findUnique({
    where: { clientToken },
    select: { createdById: true, tasks: { select: { id: true }, take: 1 } },
  });
  return batch && batch.createdById === actorId && batch.tasks[0] ? { taskId: batch.tasks[0].id } : null;
}

/** The new task's due date: the old one unless a new one is given (not past, not after the parent's). */
async function dueOf(tx: TTx, task: TLoadedTask, a: { dueDate?: string; now: Date }): Promise<Date> {
  if (!a.dueDate) return task.dueDate;
  const due = parseDay(a.dueDate);
  if (due < chinaToday(a.now)) throw new AppError("VALIDATION", { dueDate: "pastDue" });
  if (task.parentTaskId !== null) {
    const parent = await tx.task.findUniqueOrThrow({
      where: { id: task.parentTaskId },
      select: { dueDate: true },
    });
    if (due > parent.dueDate) throw new AppError("VALIDATION", { dueDate: "afterParentDue" });
  }
  return due;
}

export async function transferTask(actor: TTaskActor, input: TTransfer, now = new Date()) {
  const repeat = await repeated(input.clientToken, actor.id);
  if (repeat) return repeat;
  try {
    return await transferOnce(actor, input, now);
  } catch (e) {
    // Two identical submits racing: the loser hits the unique client token; answer with the winner's task.
    const again = await repeated(input.clientToken, actor.id);
    if (again) return again;
    throw e;
  }
}

async function transferOnce(actor: TTaskActor, input: TTransfer, now: Date) {
  return getDb().$transaction(async (tx) => {
    await lockTreeShared(tx); // first: no tree change between reading the target's path and the commit
    const task = await loadTaskForAction(tx, actor, {
      taskId: input.taskId,
      action: "transfer",
      version: input.version,
    });
    if (input.orgId === task.orgId) throw new AppError("VALIDATION", { orgId: "sameOrg" });
    // Strictly inside the assigning org's subtree, as for 下达 (so below its level and in the actor's scope).
    const [orgId] = await resolveTargets(tx, task.reviewOrgId, { mode: "orgs", orgIds: [input.orgId] });
    const due = await dueOf(tx, task, { dueDate: input.dueDate, now });
    // Task rows parent → child, as every writer: the chain, then the task itself.
    const ids = [...task.chain.map((l) => l.id), task.id];
    await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
    const terms = await tx.task.findUniqueOrThrow({
      where: { id: task.id },
      select: { priority: true, note: true, targetValue: true, targetUnit: true },
    });
    const target = await tx.org.findUniqueOrThrow({ where: { id: orgId! }, select: { name: true } });
    // A request for a later due date asked the old unit's question; it closes with the old task.
    const pendingExt = await tx.extensionRequest.findFirst({
      where: { taskId: task.id, status: "PENDING" },
      select: { id: true },
    });
    const batch = await tx.assignmentBatch.create({
      data: {
        clientToken: input.clientToken,
        createdById: actor.id,
        assignerOrgId: task.reviewOrgId,
        measureCount: 1,
        targetCount: 1,
        taskCount: 1,
        skippedCount: 0,
      },
    });
    const created = await insertTasks(tx, {
      measureIds: [task.objectiveId],
      targetOrgIds: [orgId!],
      reviewOrgId: task.reviewOrgId,
      parentTaskId: task.parentTaskId,
      batchId: batch.id,
      dueDate: due,
      priority: terms.priority,
      note: input.note ?? terms.note,
      targetValue: terms.targetValue === null ? null : Number(terms.targetValue),
      targetUnit: terms.targetUnit,
      actorId: actor.id,
      indicatorTargets: await carriedTargets(tx, task.id, orgId!),
      // Closing the old task re-derives the parent's progress with the new task already among its
      // children; its regions (the parent's, then the old holder's) come before the new task's.
      beforeRollups: async () => {
        await applyTaskChangeIn(tx, {
          task,
          actorId: actor.id,
          now,
          to: nextStatus(task.status, "transfer"),
          fields: { lastReason: null },
          event: {
            type: "TRANSFERRED",
            message: input.note ?? null,
            changes: { org: [task.org.name, target.name] },
          },
          ...(pendingExt
            ? {
                guards: [{ kind: "pendingExtension", extensionId: pendingExt.id }],
                records: [
                  { kind: "extensionDecision", extensionId: pendingExt.id, approve: false, note: null },
                ],
              }
            : {}),
        });
      },
    });
    // The unit already holds this measure: nobody holds the same measure twice.
    if (created === 0) throw new AppError("VALIDATION", { orgId: "alreadyHolds" });
    const fresh = await tx.task.findFirstOrThrow({ where: { batchId: batch.id }, select: { id: true } });
    return { taskId: fresh.id };
  });
}
