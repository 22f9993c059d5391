import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TSchemeRef } from "../schemas";
import { loadRunnableScheme } from "./access";
import { seriesOf } from "./compute";
import { auditScheme, type TSchemeActor } from "./schemes";
import { checkSchemeFields } from "./scheme-checks";

// A scheme's versions: a series is the first version and every version made from it (seriesId =
// the first version's id). At most one version of a series is PUBLISHED (in use) and at most one
// is a DRAFT; publishing a draft supersedes the published one, in the same transaction.

const seriesWhere = (series: number) => ({ OR: [{ id: series }, { seriesId: series }] });

/** DRAFT → PUBLISHED; the series' previously published version becomes SUPERSEDED. */
export async function publishScheme(
  actor: TSchemeActor,
  input: TSchemeRef,
  now = new Date(),
): Promise<{ schemeId: number; superseded: number[] }> {
  return getDb().$transaction(async (tx) => {
    const s = await loadRunnableScheme(tx, actor, input.schemeId);
    const row = await tx.assessmentScheme.findUniqueOrThrow({
      where: { id: s.id },
      select: { status: true, title: true, version: true, planId: true, scope: true, level: true },
    });
    if (row.status !== "DRAFT") throw new AppError("INVALID_TRANSITION");
    // The plan and indicators may have changed since the draft was saved (a retired indicator).
    await checkSchemeFields(tx, actor, { ...row, rules: s.rules });
    const series = seriesOf(s);
    const previous = await tx.assessmentScheme.findMany({
      where: { ...seriesWhere(series), status: "PUBLISHED", id: { not: s.id } },
      select: { id: true },
    });
    await tx.assessmentScheme.updateMany({
      where: { id: { in: previous.map((p) => p.id) } },
      data: { status: "SUPERSEDED" },
    });
    await tx.assessmentScheme.update({
      where: { id: s.id },
      data: { status: "PUBLISHED", publishedAt: now },
    });
    const superseded = previous.map((p) => p.id);
    await auditScheme(tx, {
      actor,
      schemeId: s.id,
      detail: { op: "publish", version: row.version, superseded },
    });
    return { schemeId: s.id, superseded };
  });
}

/**
 * A new DRAFT version of a PUBLISHED scheme: a copy of its fields with the next version number of
 * the series. When the series already has a draft, that draft is the answer (one draft per series).
 */
export async function newVersion(actor: TSchemeActor, input: TSchemeRef): Promise<{ schemeId: number }> {
  return getDb().$transaction(async (tx) => {
    const s = await loadRunnableScheme(tx, actor, input.schemeId);
    const old = await tx.assessmentScheme.findUniqueOrThrow({ where: { id: s.id } });
    if (old.status !== "PUBLISHED") throw new AppError("INVALID_TRANSITION");
    const series = seriesOf(s);
    const versions = await tx.assessmentScheme.findMany({
      where: seriesWhere(series),
      select: { id: true, version: true, status: true },
    });
    const draft = versions.find((v) => v.status === "DRAFT");
    if (draft) return { schemeId: draft.id };
    const version = Math.max(...versions.map((v) => v.version)) + 1;
    const copy = await tx.assessmentScheme.create({
      data: {
        orgId: old.orgId,
        year: old.year,
        seriesId: series,
        version,
        title: old.title,
        scope: old.scope,
        level: old.level,
        planId: old.planId,
        rules: old.rules ?? {},
        status: "DRAFT",
        createdById: actor.id,
      },
      select: { id: true },
    });
    await auditScheme(tx, { actor, schemeId: copy.id, detail: { op: "newVersion", from: s.id, version } });
    return { schemeId: copy.id };
  });
}
