import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TTaskActor } from "../lib/task-permissions";
import type { TAssignStaff } from "../schemas";
import { loadTaskForAction } from "./load-task";
import { applyTaskChangeIn } from "./write/apply-change";

/** 承办: the chair names the responsible person (责任人) and helpers from the org's own staff. */
export async function assignStaff(actor: TTaskActor, input: TAssignStaff, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    const task = await loadTaskForAction(tx, actor, {
      taskId: input.taskId,
      action: "assignStaff",
      version: input.version,
    });
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
    await applyTaskChangeIn(tx, {
      task,
      actorId: actor.id,
      now,
      fields: { responsibleId: input.responsibleId },
      records: [{ kind: "helpers", userIds: helperIds }],
      event: {
        type: "STAFF_ASSIGNED",
        changes: {
          responsible: [prevResponsible?.name ?? null, names.get(input.responsibleId)],
          helpers: [
            before.map((h) => h.user.name).join("、") || null,
            helperIds.map((h) => names.get(h)).join("、") || null,
          ],
        },
      },
      notify: {
        type: "STAFF_ASSIGNED",
        userIds: wanted.filter((id) => id !== actor.id),
        params: { objective: task.objective.title },
      },
    });
    return { responsibleId: input.responsibleId, helperIds };
  });
}
