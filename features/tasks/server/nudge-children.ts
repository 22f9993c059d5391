import "server-only";
import { taskScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { chinaToday } from "@/lib/dates";
import { orgRecipientsSql } from "@/features/notifications/server/org-recipients";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TTaskActor } from "../lib/task-permissions";
import { loadTaskForAction } from "./load-task";

/**
 * The tasks passed down from `parentTaskId` worth a 催办: not signed yet, or in progress and past
 * their due day (overdue, as lib/state-machine.ts#isOverdue). Handed-back ones wait for the
 * assigner and submitted ones for its review, so they are left out. The page counts with it too.
 */
export function nudgeableChildrenWhere(parentTaskId: number, today: Date): Prisma.TaskWhereInput {
  return {
    parentTaskId,
    OR: [{ status: "PENDING_SIGN" }, { status: "IN_PROGRESS", dueDate: { lt: today } }],
  };
}

/**
 * 催办 in one step: every unsigned or overdue task passed down from this one is nudged, each on
 * its own timeline, and each holding org's recipients (and the responsible person) are told once.
 * Only the holder of the task passed down (with task:assign) may; the children are read in the
 * actor's scope.
 */
export async function nudgeChildren(
  actor: TTaskActor & { orgName: string },
  input: { taskId: number; message?: string },
  now = new Date(),
) {
  return getDb().$transaction(async (tx) => {
    const parent = await loadTaskForAction(tx, actor, { taskId: input.taskId, action: "nudgeChildren" });
    const children = await tx.task.findMany({
      where: { AND: [taskScopeWhere(actor), nudgeableChildrenWhere(parent.id, chinaToday(now))] },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const ids = children.map((c) => c.id);
    if (ids.length === 0) return { nudged: 0 };
    const message = input.message ?? null;
    await tx.taskEvent.createMany({
      data: ids.map((taskId) => ({
        taskId,
        actorId: actor.id,
        type: "NUDGED" as const,
        message,
        createdAt: now,
      })),
    });
    const params = { objective: parent.objective.title, from: actor.orgName, message: input.message ?? "" };
    await tx.$executeRaw`
      INSERT INTO "Notification" ("userId", type, "taskId", params, "createdAt")
      SELECT r.id, 'NUDGED'::"NotificationType", c.id, ${JSON.stringify(params)}::jsonb, ${now}
      FROM "Task" c CROSS JOIN LATERAL (
        ${orgRecipientsSql(Prisma.sql`c."orgId"`)}
        UNION SELECT c."responsibleId" WHERE c."responsibleId" IS NOT NULL) r
      WHERE c.id = ANY(${ids}::int[])
      ORDER BY c.id, r.id`;
    return { nudged: ids.length };
  });
}
