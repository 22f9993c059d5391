import { mainTaskCodeOf } from "@/lib/objective-code";
import "server-only";
import { lockTreeShared } from "@/lib/db/tree-lock";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { chinaToday, parseDay } from "@/lib/dates";
import type { TTaskActor } from "../lib/task-permissions";
import type { TClaimTask } from "../schemas";
import { addTaskToRollups, ROLLUP_SNAP_SELECT } from "@/features/rollups/server/apply-delta";
import { relightTasks } from "@/features/lights/server/relight";
import { visiblePlanWhere } from "@/features/plans/server/visible-plans";
import {
  insertTaskIndicators,
  shiftIndicatorRollups,
  tasksById,
} from "@/features/indicators/server/insert-task-indicators";
import { recordEvent } from "./record-event";

/**
 * 认领 (自选动作): a branch takes on a measure nobody assigned to it. It starts in progress
 * (no signing for one's own choice) and its completion is reviewed by the parent org.
 */
export async function claimTask(actor: TTaskActor, input: TClaimTask, now = new Date()) {
  if (!actor.permissions.has("task:claim")) throw new AppError("FORBIDDEN");
  const due = parseDay(input.dueDate);
  if (due < chinaToday(now)) throw new AppError("VALIDATION", { dueDate: "pastDue" });
  const db = getDb();
  return db.$transaction(async (tx) => {
    await lockTreeShared(tx); // the org's path stays as read until the claim commits
    const org = await tx.org.findUniqueOrThrow({
      where: { id: actor.orgId },
      select: { id: true, parentId: true, ancestorIds: true },
    });
    if (org.parentId === null) throw new AppError("FORBIDDEN");
    // Only a live measure of a plan the user sees: anything else is not there for them.
    const plans = (await visiblePlanWhere(actor, tx)).where;
    const measure = await tx.objective.findFirst({
      where: { id: input.objectiveId, level: "MEASURE", retiredAt: null, plan: plans },
      select: { id: true, code: true },
    });
    if (!measure) throw new AppError("NOT_FOUND");
    const mainCode = mainTaskCodeOf(measure.code) ?? measure.code;
    const main = await tx.objective.findUniqueOrThrow({ where: { code: mainCode }, select: { id: true } });
    const exists = await tx.task.findUnique({
      where: { objectiveId_orgId: { objectiveId: measure.id, orgId: org.id } },
      select: { id: true },
    });
    if (exists) throw new AppError("ALREADY_EXISTS");
    try {
      const task = await tx.task.create({
        data: {
          objectiveId: measure.id,
          mainTaskId: main.id,
          orgId: org.id,
          orgPath: org.ancestorIds,
          reviewOrgId: org.parentId,
          kind: "CLAIMED",
          status: "IN_PROGRESS",
          dueDate: due,
          note: input.note ?? null,
          signedAt: now,
          createdById: actor.id,
        },
        select: { id: true, ...ROLLUP_SNAP_SELECT },
      });
      await addTaskToRollups(tx, task);
      // A claim carries the measure's indicators without targets (nobody assigned any).
      await insertTaskIndicators(tx, tasksById([task.id]));
      await shiftIndicatorRollups(tx, tasksById([task.id]), 1);
      await relightTasks(tx, [task.id], chinaToday(now));
      await recordEvent(tx, {
        taskId: task.id,
        actorId: actor.id,
        type: "CLAIMED",
        to: "IN_PROGRESS",
        changes: { dueDate: [null, input.dueDate] },
        message: input.note,
      });
      return { taskId: task.id };
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") throw new AppError("ALREADY_EXISTS");
      throw e;
    }
  });
}
