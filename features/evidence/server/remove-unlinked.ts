import "server-only";
import type { TDb } from "@/lib/db/client";
import { UNLINKED_UPLOAD_TTL_MS } from "../lib/file-kind";
import { removeStoredFile } from "./storage";

const BATCH = 500;

/**
 * Removes uploads never linked to a progress update or a report within UNLINKED_UPLOAD_TTL_MS
 * (a form opened, files uploaded, the form abandoned), then the stored files no other row still
 * uses (storage is by content hash, so two rows may share one file). Returns the rows removed.
 * Runs periodically (instrumentation.ts) and at db-setup; safe to run on several servers at once.
 */
export async function removeUnlinkedUploads(db: TDb, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNLINKED_UPLOAD_TTL_MS);
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
    const keys = [...new Set(rows.map((r) => r.storageKey))];
    const kept = new Set(
      (
        await db.attachment.findMany({
          where: { storageKey: { in: keys } },
          select: { storageKey: true },
          distinct: ["storageKey"],
        })
      ).map((r) => r.storageKey),
    );
    for (const key of keys) if (!kept.has(key)) await removeStoredFile(key);
    if (rows.length < BATCH) return removed;
  }
}
