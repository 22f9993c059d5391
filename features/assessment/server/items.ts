import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TTx } from "@/lib/db/client";
import { chinaToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { TItemInput, TItemRef } from "../schemas";
import { loadPublishedVersion, requireAssessment } from "./access";
import { schemeUnits, seriesOf } from "./compute";
import { linkEvidence } from "./evidence";
import { auditActor, type TSchemeActor } from "./schemes";

// Manual items (加分 / 扣分 / 一票否决) of a scheme's series for one unit: added and withdrawn by the
// managers of the scheme's org (loadRunnableScheme: the org in the query, the row locked), only
// while the series has a PUBLISHED version and only for a unit that version scores. An item counts
// from the day it is added; a withdrawn item stays (withdrawnAt/By, with its evidence) and stops
// counting from that day. Evidence files are uploaded first (evidence.ts) and linked by addItem.

async function auditItem(
  tx: TTx,
  { actor, itemId, detail }: { actor: TSchemeActor; itemId: number; detail: Record<string, unknown> },
) {
  await recordAudit(
    {
      action: "assessment.item",
      actor: auditActor(actor),
      target: { type: "assessmentItem", id: itemId },
      detail,
    },
    tx,
  );
}

/** Adds an item for one unit the scheme scores today; it counts from today (China). */
export async function addItem(
  actor: TSchemeActor,
  input: TItemInput,
  now = new Date(),
): Promise<{ itemId: number }> {
  return getDb().$transaction(async (tx) => {
    const scheme = await loadPublishedVersion(tx, actor, input.seriesId);
    const today = chinaToday(now);
    const units = await schemeUnits(tx, scheme, today);
    if (!units.some((u) => u.id === input.orgId)) throw new AppError("VALIDATION", { orgId: "notScored" });
    const item = await tx.assessmentItem.create({
      data: {
        seriesId: seriesOf(scheme),
        orgId: input.orgId,
        kind: input.kind,
        points: input.points,
        reason: input.reason,
        day: today,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await linkEvidence(tx, actor, { seriesId: seriesOf(scheme), itemId: item.id, ids: input.evidenceIds });
    await auditItem(tx, {
      actor,
      itemId: item.id,
      detail: {
        op: "add",
        seriesId: seriesOf(scheme),
        orgId: input.orgId,
        kind: input.kind,
        points: input.points,
        evidenceIds: input.evidenceIds,
      },
    });
    return { itemId: item.id };
  });
}

/** Withdraws an item (kept as history); an item already withdrawn is ASSESSMENT_STALE. */
export async function withdrawItem(
  actor: TSchemeActor,
  input: TItemRef,
  now = new Date(),
): Promise<{ itemId: number; orgId: number }> {
  requireAssessment(actor);
  return getDb().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: number; seriesId: number; orgId: number; withdrawn: boolean }[]>`
      SELECT i.id, i."seriesId", i."orgId", i."withdrawnAt" IS NOT NULL AS withdrawn
      FROM "AssessmentItem" i JOIN "AssessmentScheme" s ON s.id = i."seriesId"
      WHERE i.id = ${input.itemId} AND s."orgId" = ${actor.orgId}
      FOR UPDATE OF i`;
    if (!row) throw new AppError("NOT_FOUND");
    await loadPublishedVersion(tx, actor, row.seriesId);
    if (row.withdrawn) throw new AppError("ASSESSMENT_STALE");
    await tx.assessmentItem.update({
      where: { id: row.id },
      data: { withdrawnAt: now, withdrawnById: actor.id },
    });
    await auditItem(tx, {
      actor,
      itemId: row.id,
      detail: { op: "withdraw", seriesId: row.seriesId, orgId: row.orgId },
    });
    return { itemId: row.id, orgId: row.orgId };
  });
}
