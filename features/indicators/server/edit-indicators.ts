import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { diffFields, recordChanges, type TFieldChanges } from "@/lib/history/record-change";
import { loadEditableObjective } from "@/features/plan-edit/server/plan-scope";
import { auditPlanActor, type TPlanActor } from "@/features/plan-import/server/draft-scope";
import {
  MAX_INDICATORS_PER_MEASURE,
  type TAddIndicator,
  type TRetireIndicator,
  type TUpdateIndicator,
} from "../schemas";
import { loadEditableIndicator } from "./indicator-scope";
import { attachIndicator } from "./attach-indicator";

// Indicator definitions are part of the plan: the plan's history (ChangeLog of the measure, action
// indicator.*) and the audit log (plan.edit, op …Indicator) record every change, as plan-edit does.

async function record(
  tx: TTx,
  actor: TPlanActor,
  e: { measureId: number; code: string; action: string; indicatorId: number; changes: TFieldChanges },
) {
  await recordChanges(tx, [
    {
      entity: "OBJECTIVE",
      entityId: e.measureId,
      action: e.action,
      changes: e.changes,
      note: null,
      actorId: actor.id,
    },
  ]);
  await recordAudit(
    {
      action: "plan.edit",
      actor: auditPlanActor(actor),
      target: { type: "objective", id: e.measureId },
      detail: { op: e.action, code: e.code, indicatorId: e.indicatorId },
    },
    tx,
  );
}

/** Adds an indicator to a live measure of a plan the actor may edit; names are unique per measure. */
export async function addIndicator(
  actor: TPlanActor,
  input: TAddIndicator,
): Promise<{ indicatorId: number }> {
  return getDb().$transaction(async (tx) => {
    const m = await loadEditableObjective(tx, actor, input.objectiveId);
    if (m.level !== "MEASURE") throw new AppError("VALIDATION", { objectiveId: "notMeasure" });
    if (m.retiredAt) throw new AppError("INVALID_TRANSITION");
    const siblings = await tx.indicator.findMany({
      where: { objectiveId: m.id },
      select: { name: true, sortOrder: true, retiredAt: true },
    });
    // Retired names stay taken: the history of a name must not point at two definitions.
    if (siblings.some((s) => s.name === input.name)) throw new AppError("ALREADY_EXISTS", { name: "taken" });
    if (siblings.filter((s) => !s.retiredAt).length >= MAX_INDICATORS_PER_MEASURE)
      throw new AppError("TOO_MANY");
    const created = await tx.indicator.create({
      data: {
        objectiveId: m.id,
        name: input.name,
        unit: input.unit,
        aggregation: input.aggregation,
        direction: input.direction,
        sortOrder: Math.max(0, ...siblings.map((s) => s.sortOrder)) + 1,
        createdById: actor.id,
      },
      select: { id: true },
    });
    // Tasks that already hold the measure carry the new indicator from now on (and are counted).
    await attachIndicator(tx, created.id);
    await record(tx, actor, {
      measureId: m.id,
      code: m.code,
      action: "indicator.add",
      indicatorId: created.id,
      changes: {
        indicator: [null, input.name],
        unit: [null, input.unit],
        aggregation: [null, input.aggregation],
        direction: [null, input.direction],
      },
    });
    return { indicatorId: created.id };
  });
}

/**
 * Edits an indicator's name, unit, aggregation or direction. How it adds up cannot change once a
 * task carries it (derived actuals and roll-ups were counted by the old rule): INVALID_TRANSITION.
 */
export async function updateIndicator(actor: TPlanActor, input: TUpdateIndicator): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const ind = await loadEditableIndicator(tx, actor, input.indicatorId);
    if (ind.retiredAt) throw new AppError("INVALID_TRANSITION");
    const { indicatorId: _id, ...next } = input;
    const changes = diffFields(ind, next, ["name", "unit", "aggregation", "direction"]);
    if (!changes) return;
    if (changes.name) {
      const clash = await tx.indicator.findFirst({
        where: { objectiveId: ind.objectiveId, name: input.name, id: { not: ind.id } },
        select: { id: true },
      });
      if (clash) throw new AppError("ALREADY_EXISTS", { name: "taken" });
    }
    if (changes.aggregation && (await tx.taskIndicator.count({ where: { indicatorId: ind.id } })) > 0)
      throw new AppError("INVALID_TRANSITION", { aggregation: "inUse" });
    await tx.indicator.update({ where: { id: ind.id }, data: next });
    await record(tx, actor, {
      measureId: ind.objectiveId,
      code: ind.objective.code,
      action: "indicator.update",
      indicatorId: ind.id,
      changes: { indicator: [ind.name, input.name], ...changes },
    });
  });
}

/** Retires an indicator: no new targets; the targets and actuals already reported stay. */
export async function retireIndicator(actor: TPlanActor, input: TRetireIndicator, now = new Date()) {
  await getDb().$transaction(async (tx) => {
    const ind = await loadEditableIndicator(tx, actor, input.indicatorId);
    if (ind.retiredAt) throw new AppError("INVALID_TRANSITION");
    await tx.indicator.update({ where: { id: ind.id }, data: { retiredAt: now } });
    await record(tx, actor, {
      measureId: ind.objectiveId,
      code: ind.objective.code,
      action: "indicator.retire",
      indicatorId: ind.id,
      changes: { indicator: [ind.name, ind.name], retiredAt: [null, now.toISOString()] },
    });
  });
}
