import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseDay } from "@/lib/dates";
import { orgInScopeSql } from "@/lib/auth/scope";
import { recordChanges } from "@/lib/history/record-change";
import { editablePlanWhere, loadEditableObjective } from "@/features/plan-edit/server/plan-scope";
import { auditPlanActor, requirePlanManage } from "@/features/plan-import/server/draft-scope";
import type { TCreateReportingRule, TRetireReportingRule } from "../schemas";
import { loadManageableRule, type TRuleActor } from "./rule-scope";

// 定期报送 rules: set on a plan, a measure (plan:manage and canEditPlan) or one 下达 batch
// (task:assign, the batch's assigner org in the actor's subtree). The rule's org is the actor's
// federation. Each change is audited (reporting.rule) and, for plans and measures, written to the
// plan's history (ChangeLog) like the other plan edits.

type TTarget = {
  planId: number | null;
  objectiveId: number | null;
  batchId: number | null;
  entity: "PLAN" | "OBJECTIVE" | null;
  entityId: number;
};

async function resolveTarget(
  tx: TTx,
  actor: TRuleActor,
  t: TCreateReportingRule["target"],
): Promise<TTarget> {
  if ("planId" in t) {
    requirePlanManage(actor);
    const plan = await tx.plan.findFirst({
      where: { id: t.planId, ...editablePlanWhere(actor) },
      select: { id: true },
    });
    if (!plan) throw new AppError("NOT_FOUND");
    return { planId: plan.id, objectiveId: null, batchId: null, entity: "PLAN", entityId: plan.id };
  }
  if ("objectiveId" in t) {
    const m = await loadEditableObjective(tx, actor, t.objectiveId);
    if (m.level !== "MEASURE") throw new AppError("VALIDATION", { objectiveId: "notMeasure" });
    if (m.retiredAt) throw new AppError("INVALID_TRANSITION");
    return { planId: null, objectiveId: m.id, batchId: null, entity: "OBJECTIVE", entityId: m.id };
  }
  if (!actor.permissions.has("task:assign")) throw new AppError("FORBIDDEN");
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT b.id FROM "AssignmentBatch" b JOIN "Org" o ON o.id = b."assignerOrgId"
    WHERE b.id = ${t.batchId} AND ${orgInScopeSql("o", actor.orgId)}`;
  if (!rows[0]) throw new AppError("NOT_FOUND");
  return { planId: null, objectiveId: null, batchId: rows[0].id, entity: null, entityId: rows[0].id };
}

/** Creates a reporting rule; its periods open by themselves (open-periods.ts), never before today's. */
export async function createReportingRule(
  actor: TRuleActor,
  input: TCreateReportingRule,
): Promise<{ ruleId: number }> {
  return getDb().$transaction((tx) => insertReportingRule(tx, actor, input));
}

/** createReportingRule inside the caller's transaction (下达 with 定期报送: assign-tasks.ts). */
export async function insertReportingRule(
  tx: TTx,
  actor: TRuleActor,
  input: TCreateReportingRule,
): Promise<{ ruleId: number }> {
  const target = await resolveTarget(tx, actor, input.target);
  const { frequency, dueDay, startDate, endDate } = input.rule;
  const created = await tx.reportingRule.create({
    data: {
      planId: target.planId,
      objectiveId: target.objectiveId,
      batchId: target.batchId,
      orgId: actor.orgId,
      frequency,
      dueDay,
      startDate: parseDay(startDate),
      endDate: parseDay(endDate),
      createdById: actor.id,
    },
    select: { id: true },
  });
  const summary = { frequency, dueDay, startDate, endDate };
  if (target.entity)
    await recordChanges(tx, [
      {
        entity: target.entity,
        entityId: target.entityId,
        action: "reportingRule.create",
        changes: { reportingRule: [null, summary] },
        actorId: actor.id,
      },
    ]);
  await recordAudit(
    {
      action: "reporting.rule",
      actor: auditPlanActor(actor),
      target: { type: "reportingRule", id: created.id },
      detail: { op: "create", ...summary, on: input.target },
    },
    tx,
  );
  return { ruleId: created.id };
}

/**
 * Retires a rule: no further periods open. A period already open still closes as usual (its
 * reports and 漏报 stand), so nothing counted so far changes.
 */
export async function retireReportingRule(actor: TRuleActor, input: TRetireReportingRule, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    const rule = await loadManageableRule(tx, actor, input.ruleId);
    if (rule.retiredAt) throw new AppError("INVALID_TRANSITION");
    await tx.reportingRule.update({ where: { id: rule.id }, data: { retiredAt: now } });
    const entity = rule.planId ? "PLAN" : rule.objectiveId ? "OBJECTIVE" : null;
    if (entity)
      await recordChanges(tx, [
        {
          entity,
          entityId: (rule.planId ?? rule.objectiveId)!,
          action: "reportingRule.retire",
          changes: { reportingRule: [rule.id, null] },
          actorId: actor.id,
        },
      ]);
    await recordAudit(
      {
        action: "reporting.rule",
        actor: auditPlanActor(actor),
        target: { type: "reportingRule", id: rule.id },
        detail: { op: "retire" },
      },
      tx,
    );
    return { ruleId: rule.id };
  });
}
