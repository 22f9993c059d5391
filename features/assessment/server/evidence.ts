import "server-only";
import { storeUpload } from "@/features/evidence/server/store-upload";
import { checkUploadQuota } from "@/features/evidence/server/upload-quota";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TDb, type TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadPublishedVersion, requireAssessment, type TAssessActor } from "./access";
import { seriesOf } from "./compute";
import { auditActor, type TSchemeActor } from "./schemes";

// Evidence of manual items (加分 / 扣分 / 一票否决). Uploaded one file at a time by the managers of the
// org running the scheme (same gate as addItem: the scheme's org in the query, a PUBLISHED
// version), stored like task evidence (features/evidence: by content hash, type from the bytes,
// one hourly quota), kept unlinked (itemId null) until addItem links it; abandoned uploads go
// with the hourly clean-up (remove-unlinked.ts). Read by the scheme's readers (its org and the
// orgs above) and, once linked, by the scored unit for the items on itself.

export type TEvidenceView = { id: number; fileName: string; kind: string; size: number };

/** Everything an upload is refused for before its body is read; the series the upload is for. */
export async function checkEvidenceUpload(actor: TSchemeActor, schemeId: number): Promise<number> {
  requireAssessment(actor);
  const db = getDb();
  const seriesId = await db.$transaction(async (tx) =>
    seriesOf(await loadPublishedVersion(tx, actor, schemeId)),
  );
  await checkUploadQuota(db, actor.id);
  return seriesId;
}

/** Stores one file for the scheme's series (unlinked), audited evidence.upload. */
export async function saveAssessmentEvidence(
  actor: TSchemeActor,
  { schemeId, file }: { schemeId: number; file: { name: string; bytes: Buffer } },
): Promise<TEvidenceView> {
  const db = getDb();
  // Again after the body: the scheme may have changed while it was read.
  const seriesId = await checkEvidenceUpload(actor, schemeId);
  const stored = await storeUpload(db, actor.id, file);
  const row = await db.assessmentEvidence.create({
    data: { seriesId, uploaderId: actor.id, ...stored },
    select: { id: true, fileName: true, kind: true, size: true },
  });
  await recordAudit({
    action: "evidence.upload",
    actor: auditActor(actor),
    target: { type: "assessmentEvidence", id: row.id },
    detail: { schemeId, seriesId, kind: stored.kind, size: stored.size, sha256: stored.sha256 },
  });
  return row;
}

/**
 * Links `ids` to a new item (inside addItem's transaction): each must be of the same series, not
 * linked yet and uploaded by a user of the actor's org; anything else is VALIDATION.
 */
export async function linkEvidence(
  tx: TTx,
  actor: TAssessActor,
  { seriesId, itemId, ids }: { seriesId: number; itemId: number; ids: number[] },
): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const { count } = await tx.assessmentEvidence.updateMany({
    where: {
      id: { in: unique },
      seriesId,
      itemId: null,
      uploaderId: { in: (await orgUserIds(tx, actor.orgId)).concat(actor.id) },
    },
    data: { itemId },
  });
  if (count !== unique.length) throw new AppError("VALIDATION", { evidenceIds: "evidence" });
}

async function orgUserIds(tx: TTx, orgId: number): Promise<number[]> {
  const rows = await tx.user.findMany({ where: { orgId }, select: { id: true } });
  return rows.map((r) => r.id);
}

export type TEvidenceFile = {
  id: number;
  itemId: number | null;
  seriesId: number;
  fileName: string;
  mime: string;
  kind: string;
  storageKey: string;
};

/**
 * One evidence file the actor may download, or null (the same answer for "missing"): linked
 * evidence for the readers of its scheme (its org or an org above) and for the unit the item is
 * on; unlinked evidence only for its uploader's org.
 */
export async function findEvidenceForUser(
  db: TDb,
  actor: TAssessActor,
  id: number,
): Promise<TEvidenceFile | null> {
  if (!actor.permissions.has("assessment:manage")) return null;
  const [row] = await db.$queryRaw<TEvidenceFile[]>`
    SELECT e.id, e."itemId", e."seriesId", e."fileName", e.mime, e.kind::text AS kind, e."storageKey"
    FROM "AssessmentEvidence" e
    JOIN "AssessmentScheme" s ON s.id = e."seriesId"
    JOIN "Org" o ON o.id = s."orgId"
    JOIN "User" u ON u.id = e."uploaderId"
    LEFT JOIN "AssessmentItem" i ON i.id = e."itemId"
    WHERE e.id = ${id} AND (
      (e."itemId" IS NOT NULL AND (o."ancestorIds" @> ARRAY[${actor.orgId}::int] OR i."orgId" = ${actor.orgId}))
      OR (e."itemId" IS NULL AND u."orgId" = ${actor.orgId}))`;
  return row ?? null;
}

/** The evidence of the given items, by item id (oldest first), for the items lists. */
export async function evidenceByItem(
  db: TDb | TTx,
  itemIds: number[],
): Promise<Record<number, TEvidenceView[]>> {
  const out: Record<number, TEvidenceView[]> = {};
  if (!itemIds.length) return out;
  const rows = await db.assessmentEvidence.findMany({
    where: { itemId: { in: itemIds } },
    select: { id: true, itemId: true, fileName: true, kind: true, size: true },
    orderBy: [{ itemId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  for (const { itemId, ...r } of rows) (out[itemId!] ??= []).push(r);
  return out;
}
