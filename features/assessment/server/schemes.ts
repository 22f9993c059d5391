import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TSchemeFields, TSchemeRef, TUpdateScheme } from "../schemas";
import { loadRunnableScheme, requireAssessment, type TAssessActor } from "./access";
import { checkSchemeFields, schemeData } from "./scheme-checks";

// Writing 考评方案 drafts: create, replace the fields of a draft, delete a draft. A draft belongs to
// the actor's org and is changed only by its managers (loadRunnableScheme: scope in the query, row
// locked). Publishing and new versions: scheme-versions.ts. Every write is audited (assessment.scheme).

export type TSchemeActor = TAssessActor & { username?: string };

export const auditActor = (a: TSchemeActor) => ({ id: a.id, username: a.username ?? `#${a.id}` });

type TSchemeAudit = {
  actor: TSchemeActor;
  schemeId: number;
  detail: { op: "create" | "update" | "publish" | "newVersion" | "delete" } & Record<string, unknown>;
};

export async function auditScheme(tx: TTx, { actor, schemeId, detail }: TSchemeAudit) {
  await recordAudit(
    {
      action: "assessment.scheme",
      actor: auditActor(actor),
      target: { type: "assessmentScheme", id: schemeId },
      detail,
    },
    tx,
  );
}

/** A new scheme (version 1, a DRAFT) of the actor's org. */
export async function createScheme(actor: TSchemeActor, f: TSchemeFields): Promise<{ schemeId: number }> {
  requireAssessment(actor);
  return getDb().$transaction(async (tx) => {
    await checkSchemeFields(tx, actor, f);
    const s = await tx.assessmentScheme.create({
      data: { ...schemeData(f), orgId: actor.orgId, version: 1, status: "DRAFT", createdById: actor.id },
      select: { id: true },
    });
    await auditScheme(tx, { actor, schemeId: s.id, detail: { op: "create", title: f.title, year: f.year } });
    return { schemeId: s.id };
  });
}

/** Draft only: a published version changes only by publishing a new version. */
async function loadDraft(tx: TTx, actor: TSchemeActor, schemeId: number) {
  const s = await loadRunnableScheme(tx, actor, schemeId);
  const { status } = await tx.assessmentScheme.findUniqueOrThrow({
    where: { id: s.id },
    select: { status: true },
  });
  if (status !== "DRAFT") throw new AppError("INVALID_TRANSITION");
  return s;
}

/** Replaces a draft's fields (title, year, scope, plan, rules). */
export async function updateDraft(actor: TSchemeActor, input: TUpdateScheme): Promise<{ schemeId: number }> {
  return getDb().$transaction(async (tx) => {
    const { schemeId, ...f } = input;
    const s = await loadDraft(tx, actor, schemeId);
    await checkSchemeFields(tx, actor, f);
    await tx.assessmentScheme.update({ where: { id: s.id }, data: schemeData(f) });
    await auditScheme(tx, { actor, schemeId: s.id, detail: { op: "update", title: f.title, year: f.year } });
    return { schemeId: s.id };
  });
}

/** Deletes a draft; the series' published versions (if any) stay as they are. */
export async function deleteDraft(actor: TSchemeActor, input: TSchemeRef): Promise<{ schemeId: number }> {
  return getDb().$transaction(async (tx) => {
    const s = await loadDraft(tx, actor, input.schemeId);
    // Manual items hang on the series id, the first version's id: a first draft with items stays.
    if (s.seriesId === null && (await tx.assessmentItem.count({ where: { seriesId: s.id } })))
      throw new AppError("INVALID_TRANSITION");
    await tx.assessmentScheme.delete({ where: { id: s.id } });
    await auditScheme(tx, { actor, schemeId: s.id, detail: { op: "delete" } });
    return { schemeId: s.id };
  });
}
