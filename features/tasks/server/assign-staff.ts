import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { notifyUsers } from "@/features/notifications/server/notify";
import type { TTaskActor } from "../lib/task-permissions";
import type { TAssignStaff } from "../schemas";
import { recordEvent, updateTaskIfUnchanged } from "./change-task";
import { loadTaskForAction } from "./load-task";

/** 承办: the chair names the responsible person (责任人) and helpers from the org's own staff. */
export async function assignStaff(actor: TTaskActor, input: TAssignStaff) {
  return getDb().$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, input.taskId, "assignStaff", input.version);
    const helperIds = [...new Set(input.helperIds)].filter((id) => id !== input.responsibleId);
    const wanted = [input.responsibleId, ...helperIds];
    const users = await tx.user.findMany({
      where: { id: { in: wanted }, orgId: task.orgId, active: true, role: { in: ["STAFF", "CHAIR"] } },
      select: { id: true, name: true },
    });
    if (users.length !== wanted.length) throw new AppError("VALIDATION", { responsibleId: "staffNotInOrg" });
    const names = new Map(users.map((u) => [u.id, u.name]));
    const before = await tx.taskHelper.findMany({
      where: { taskId: task.id },
      select: { user: { select: { name: true } } },
    });
    const prevResponsible = task.responsibleId
      ? await tx.user.findUnique({ where: { id: task.responsibleId }, select: { name: true } })
      : null;
    await updateTaskIfUnchanged(tx, task, { responsibleId: input.responsibleId });
    await tx.taskHelper.deleteMany({ where: { taskId: task.id } });
    if (helperIds.length)
      await tx.taskHelper.createMany({ data: helperIds.map((userId) => ({ taskId: task.id, userId })) });
    await recordEvent(tx, {
      taskId: task.id,
      actorId: actor.id,
      type: "STAFF_ASSIGNED",
      changes: {
        responsible: [prevResponsible?.name ?? null, names.get(input.responsibleId)],
        helpers: [
          before.map((h) => h.user.name).join("、") || null,
          helperIds.map((h) => names.get(h)).join("、") || null,
        ],
      },
    });
    await notifyUsers(
      tx,
      wanted.filter((id) => id !== actor.id),
      "STAFF_ASSIGNED",
      task.id,
      { objective: task.objective.title },
    );
    return { responsibleId: input.responsibleId, helperIds };
  });
}
