import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordChanges } from "@/lib/history/record-change";
import { formatDay } from "@/lib/dates";
import { draftObjectives, type TNewObjective } from "../lib/draft-objectives";
import { ZPublishable } from "../schemas";
import {
  assertIssuerInScope,
  auditPlanActor,
  draftWhere,
  requirePlanManage,
  type TPlanActor,
} from "./draft-scope";

const dayOrEmpty = (d: Date | null) => (d ? formatDay(d) : "");

/** Inserts the objectives level by level (parents first), each knowing its parent's id. */
async function insertObjectives(tx: TTx, planId: number, items: readonly TNewObjective[]): Promise<void> {
  const ids = new Map<string, number>();
  for (const level of ["PLAN", "MAIN_TASK", "SUB_ITEM", "MEASURE"] as const) {
    const rows = items.filter((o) => o.level === level);
    if (rows.length === 0) continue;
    const created = await tx.objective.createManyAndReturn({
      data: rows.map((o) => ({
        code: o.code,
        level: o.level,
        planId,
        parentId: o.parentCode === null ? null : ids.get(o.parentCode)!,
        title: o.title,
        sourceText: o.sourceText,
        sortOrder: o.sortOrder,
      })),
      select: { id: true, code: true },
    });
    for (const c of created) ids.set(c.code, c.id);
  }
}

/**
 * Publishes a draft: the Plan and all its Objectives (codes prefix.n.n.n in the preview's order), its
 * history and an audit event, in one transaction. The draft is checked again with the preview's schema.
 */
export async function publishDraft(
  actor: TPlanActor,
  input: { draftId: number; version: number },
): Promise<{ planId: number; measures: number }> {
  requirePlanManage(actor);
  try {
    return await getDb().$transaction((tx) => publishIn(tx, actor, input));
  } catch (e) {
    // Two drafts published with the same prefix at once: the unique code decides, the loser is told.
    if ((e as { code?: string }).code === "P2002")
      throw new AppError("PLAN_PREFIX_TAKEN", { codePrefix: "prefixTaken" });
    throw e;
  }
}

async function publishIn(tx: TTx, actor: TPlanActor, input: { draftId: number; version: number }) {
  // Claims the draft: a second publish (or a stale page) finds it no longer open at this version.
  const claimed = await tx.planDraft.updateMany({
    where: { ...draftWhere(actor, input.draftId), version: input.version },
    data: { status: "PUBLISHED", version: { increment: 1 } },
  });
  if (claimed.count !== 1) {
    const open = await tx.planDraft.count({ where: draftWhere(actor, input.draftId) });
    throw new AppError(open ? "CONFLICT" : "NOT_FOUND");
  }
  const d = await tx.planDraft.findUniqueOrThrow({ where: { id: input.draftId } });
  const parsed = ZPublishable.safeParse({
    title: d.title,
    kind: d.kind,
    codePrefix: d.codePrefix,
    periodStart: dayOrEmpty(d.periodStart),
    periodEnd: dayOrEmpty(d.periodEnd),
    issuingOrgId: d.issuingOrgId,
    tree: d.tree,
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of parsed.error.issues) fieldErrors[i.path.join(".") || "tree"] ??= i.message;
    throw new AppError("VALIDATION", fieldErrors);
  }
  const p = parsed.data;
  await assertIssuerInScope(tx, actor, p.issuingOrgId);
  const taken = await tx.plan.count({ where: { codePrefix: p.codePrefix } });
  const codeTaken = await tx.objective.count({
    where: { OR: [{ code: p.codePrefix }, { code: { startsWith: `${p.codePrefix}.` } }] },
  });
  if (taken + codeTaken > 0) throw new AppError("PLAN_PREFIX_TAKEN", { codePrefix: "prefixTaken" });
  const plan = await tx.plan.create({
    data: {
      codePrefix: p.codePrefix,
      title: p.title,
      kind: p.kind,
      periodStart: new Date(`${p.periodStart}T00:00:00Z`),
      periodEnd: new Date(`${p.periodEnd}T00:00:00Z`),
      issuingOrgId: p.issuingOrgId,
      createdById: actor.id,
    },
    select: { id: true },
  });
  const items = draftObjectives(p.tree, { prefix: p.codePrefix, title: p.title });
  await insertObjectives(tx, plan.id, items);
  await tx.planDraft.update({ where: { id: d.id }, data: { planId: plan.id } });
  const measures = items.filter((o) => o.level === "MEASURE").length;
  await recordChanges(tx, [
    {
      entity: "PLAN",
      entityId: plan.id,
      action: "create",
      changes: { title: [null, p.title], codePrefix: [null, p.codePrefix] },
      note: `draft ${d.id}: ${items.length - 1} objectives, ${measures} measures`,
      actorId: actor.id,
    },
  ]);
  await recordAudit(
    {
      action: "plan.publish",
      actor: auditPlanActor(actor),
      target: { type: "plan", id: plan.id },
      detail: { draftId: d.id, codePrefix: p.codePrefix, issuingOrgId: p.issuingOrgId, measures },
    },
    tx,
  );
  return { planId: plan.id, measures };
}
