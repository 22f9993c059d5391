import "server-only";
import type { TPermission } from "@/lib/auth/permissions";
import type { TDb, TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadScheme, seriesOf, type TScheme } from "./compute";

// Who may do what with 考评, checked in the query (every read and write goes through these):
// - a scheme is RUN (edited, scored, items, published, objections decided) by `assessment:manage`
//   holders of the org that defined it;
// - a scheme and its scores are READ by `assessment:manage` holders of that org or of an org
//   above it (its subtree contains the scheme's org);
// - a published result is read IN FULL (the ranking) by those readers, and as ONE SHEET by the
//   `assessment:manage` holders of a unit it scored (their own sheet only; they may object).

export type TAssessActor = { id: number; orgId: number; permissions: ReadonlySet<TPermission> };

export function requireAssessment(actor: TAssessActor): void {
  if (!actor.permissions.has("assessment:manage")) throw new AppError("FORBIDDEN");
}

/** The scheme if the actor's org defined it or lies above the org that did; else NOT_FOUND. */
export async function findReadableScheme(db: TDb | TTx, actor: TAssessActor, schemeId: number) {
  requireAssessment(actor);
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT s.id FROM "AssessmentScheme" s JOIN "Org" o ON o.id = s."orgId"
    WHERE s.id = ${schemeId} AND o."ancestorIds" @> ARRAY[${actor.orgId}::int]`;
  const scheme = rows[0] ? await loadScheme(db, rows[0].id) : null;
  if (!scheme) throw new AppError("NOT_FOUND");
  return { scheme, runs: scheme.orgId === actor.orgId };
}

/** The scheme, locked for a change, if the actor's org defined it; NOT_FOUND otherwise. */
export async function loadRunnableScheme(tx: TTx, actor: TAssessActor, schemeId: number): Promise<TScheme> {
  requireAssessment(actor);
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT s.id FROM "AssessmentScheme" s WHERE s.id = ${schemeId} AND s."orgId" = ${actor.orgId} FOR UPDATE`;
  const scheme = rows[0] ? await loadScheme(tx, rows[0].id) : null;
  if (!scheme) throw new AppError("NOT_FOUND");
  return scheme;
}

/** The series' published version, if the actor's org runs the series; else the reason. */
export async function loadPublishedVersion(tx: TTx, actor: TAssessActor, schemeId: number): Promise<TScheme> {
  const s = await loadRunnableScheme(tx, actor, schemeId);
  const series = seriesOf(s);
  const pub = await tx.assessmentScheme.findFirst({
    where: { OR: [{ id: series }, { seriesId: series }], status: "PUBLISHED" },
    select: { id: true },
  });
  const scheme = pub ? await loadScheme(tx, pub.id) : null;
  if (!scheme) throw new AppError("ASSESSMENT_NOT_PUBLISHED");
  return scheme;
}

export type TResultAccess = { resultId: number; scheme: TScheme; view: "FULL" | "UNIT" };

/** A published result as its federation (FULL) or as one of its scored units (UNIT); NOT_FOUND otherwise. */
export async function findVisibleResult(
  db: TDb | TTx,
  actor: TAssessActor,
  resultId: number,
): Promise<TResultAccess> {
  requireAssessment(actor);
  const [row] = await db.$queryRaw<{ schemeId: number; full: boolean; unit: boolean }[]>`
    SELECT r."schemeId",
      EXISTS (SELECT 1 FROM "Org" o WHERE o.id = s."orgId" AND o."ancestorIds" @> ARRAY[${actor.orgId}::int]) AS full,
      EXISTS (SELECT 1 FROM "AssessmentScore" sc WHERE sc."resultId" = r.id AND sc."orgId" = ${actor.orgId}) AS unit
    FROM "AssessmentResult" r JOIN "AssessmentScheme" s ON s.id = r."schemeId"
    WHERE r.id = ${resultId}`;
  if (!row || (!row.full && !row.unit)) throw new AppError("NOT_FOUND");
  const scheme = await loadScheme(db, row.schemeId);
  if (!scheme) throw new AppError("NOT_FOUND");
  return { resultId, scheme, view: row.full ? "FULL" : "UNIT" };
}
