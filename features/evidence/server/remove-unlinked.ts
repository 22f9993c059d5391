import "server-only";
import type { TDb } from "@/lib/db/client";
import { UNLINKED_UPLOAD_TTL_MS } from "../lib/file-kind";
import { removeStoredFile } from "./storage";

const BATCH = 500;

/**
 * The stored files of `keys` that no Attachment and no AssessmentEvidence row uses any more, removed.
 * Storage is by content hash and shared by both tables: the same bytes uploaded as task evidence
 * and as 考评 evidence are one file, kept while either row exists.
 */
async function removeUnusedFiles(db: TDb, keys: string[]): Promise<void> {
  const where = { storageKey: { in: keys } };
  const used = [
    ...(await db.attachment.findMany({ where, select: { storageKey: true }, distinct: ["storageKey"] })),
    ...(await db.assessmentEvidence.findMany({
      where,
      select: { storageKey: true },
      distinct: ["storageKey"],
    })),
  ];
  const kept = new Set(used.map((r) => r.storageKey));
  for (const key of keys) if (!kept.has(key)) await removeStoredFile(key);
}

/**
 * Removes uploads never linked within UNLINKED_UPLOAD_TTL_MS (a form opened, files uploaded, the
 * form abandoned): task evidence not linked to a progress update or a report, and 考评 evidence not
 * linked to an item; then the stored files no row still uses. Returns the rows removed. Runs
 * periodically (the job `upload-cleanup`, features/jobs) and at db-setup; safe to run on several servers at once.
 */
export async function removeUnlinkedUploads(db: TDb, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNLINKED_UPLOAD_TTL_MS);
  return (await removeUnlinkedAttachments(db, cutoff)) + (await removeUnlinkedAssessmentEvidence(db, cutoff));
}

async function removeUnlinkedAttachments(db: TDb, cutoff: Date): Promise<number> {
  const unlinked = { progressUpdateId: null, reportId: null, createdAt: { lt: cutoff } } as const;
  let removed = 0;
  for (;;) {
    const rows = await db.attachment.findMany({
      where: unlinked,
      select: { id: true, storageKey: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (!rows.length) return removed;
    // The conditions again: a row linked since it was read stays.
    const { count } = await db.attachment.deleteMany({
      where: { id: { in: rows.map((r) => r.id) }, ...unlinked },
    });
    removed += count;
    await removeUnusedFiles(db, [...new Set(rows.map((r) => r.storageKey))]);
    if (rows.length < BATCH) return removed;
  }
}

async function removeUnlinkedAssessmentEvidence(db: TDb, cutoff: Date): Promise<number> {
  const unlinked = { itemId: null, createdAt: { lt: cutoff } } as const;
  let removed = 0;
  for (;;) {
    const rows = await db.assessmentEvidence.findMany({
      where: unlinked,
      select: { id: true, storageKey: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (!rows.length) return removed;
    const { count } = await db.assessmentEvidence.deleteMany({
      where: { id: { in: rows.map((r) => r.id) }, ...unlinked },
    });
    removed += count;
    await removeUnusedFiles(db, [...new Set(rows.map((r) => r.storageKey))]);
    if (rows.length < BATCH) return removed;
  }
}
