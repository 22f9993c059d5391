import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordChanges } from "@/lib/history/record-change";
import { auditPlanActor, type TPlanActor } from "@/features/plan-import/server/draft-scope";
import type { TAddMeasure, TRenameObjective } from "../schemas";
import { loadEditableObjective } from "./plan-scope";

/**
 * Adds a measure under a sub-item: the next code under it (after every child ever given a code,
 * retired ones included, so a code is never reused) and the last place in its order.
 */
export async function addMeasure(
  actor: TPlanActor,
  input: TAddMeasure,
): Promise<{ objectiveId: number; code: string }> {
  return getDb().$transaction(async (tx) => {
    const parent = await loadEditableObjective(tx, actor, input.parentId);
    if (parent.level !== "SUB_ITEM" || parent.retiredAt)
      throw new AppError("VALIDATION", { parentId: "notSubItem" });
    const siblings = await tx.objective.findMany({
      where: { parentId: parent.id },
      select: { code: true, sortOrder: true },
    });
    const next = Math.max(0, ...siblings.map((s) => Number(s.code.slice(parent.code.length + 1)) || 0)) + 1;
    const code = `${parent.code}.${next}`;
    const created = await tx.objective.create({
      data: {
        code,
        level: "MEASURE",
        planId: parent.planId,
        parentId: parent.id,
        title: input.title,
        sourceText: input.sourceText,
        sortOrder: Math.max(0, ...siblings.map((s) => s.sortOrder)) + 1,
      },
      select: { id: true },
    });
    await recordChanges(tx, [
      {
        entity: "OBJECTIVE",
        entityId: created.id,
        action: "create",
        changes: { title: [null, input.title], code: [null, code] },
        actorId: actor.id,
      },
    ]);
    await recordAudit(
      {
        action: "plan.edit",
        actor: auditPlanActor(actor),
        target: { type: "objective", id: created.id },
        detail: { op: "addMeasure", code },
      },
      tx,
    );
    return { objectiveId: created.id, code };
  });
}

/** Renames an objective (the plan node renames the plan too), with history before → after. */
export async function renameObjective(actor: TPlanActor, input: TRenameObjective): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const o = await loadEditableObjective(tx, actor, input.objectiveId);
    if (o.title === input.title) return;
    await tx.objective.update({ where: { id: o.id }, data: { title: input.title } });
    if (o.level === "PLAN") await tx.plan.update({ where: { id: o.planId }, data: { title: input.title } });
    await recordChanges(tx, [
      {
        entity: "OBJECTIVE",
        entityId: o.id,
        action: "rename",
        changes: { title: [o.title, input.title] },
        actorId: actor.id,
      },
    ]);
    await recordAudit(
      {
        action: "plan.edit",
        actor: auditPlanActor(actor),
        target: { type: "objective", id: o.id },
        detail: { op: "rename", code: o.code },
      },
      tx,
    );
  });
}
