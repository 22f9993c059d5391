import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TSaveDraft } from "../schemas";
import { assertIssuerInScope, draftWhere, requirePlanManage, type TPlanActor } from "./draft-scope";

const day = (s: string) => (s ? new Date(`${s}T00:00:00Z`) : null);

/**
 * Saves the preview's state (plan fields and tree) over the draft; the page saves after every edit.
 * A save from a page that missed another save (version) is CONFLICT, so neither silently wins.
 */
export async function saveDraft(actor: TPlanActor, input: TSaveDraft): Promise<{ version: number }> {
  requirePlanManage(actor);
  const db = getDb();
  await assertIssuerInScope(db, actor, input.meta.issuingOrgId);
  const { count } = await db.planDraft.updateMany({
    where: { ...draftWhere(actor, input.draftId), version: input.version },
    data: {
      title: input.meta.title,
      kind: input.meta.kind,
      codePrefix: input.meta.codePrefix,
      periodStart: day(input.meta.periodStart),
      periodEnd: day(input.meta.periodEnd),
      issuingOrgId: input.meta.issuingOrgId,
      tree: input.tree as unknown as Prisma.InputJsonValue,
      version: { increment: 1 },
    },
  });
  if (count === 1) return { version: input.version + 1 };
  const exists = await db.planDraft.count({ where: draftWhere(actor, input.draftId) });
  throw new AppError(exists ? "CONFLICT" : "NOT_FOUND");
}

/** Drops an open draft (nothing else was ever written for it). */
export async function discardDraft(actor: TPlanActor, input: { draftId: number }): Promise<void> {
  requirePlanManage(actor);
  const { count } = await getDb().planDraft.updateMany({
    where: draftWhere(actor, input.draftId),
    data: { status: "DISCARDED", version: { increment: 1 } },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
}
