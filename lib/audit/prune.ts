import type { TDb } from "@/lib/db/client";
import { AUDIT_LOCK_KEY, recordAudit } from "./record";

/** The trail keeps at least this many days (等保 三级: 180); the database refuses younger deletions too. */
export const AUDIT_RETENTION_DAYS = 180;

/**
 * Deletes the rows older than `days` (≥ 180). The first remaining row keeps its prevHash, which
 * anchors the chain, so verification still passes; the prune itself is recorded.
 */
export async function pruneAudit(db: TDb, days: number): Promise<{ deleted: number; before: Date }> {
  if (!Number.isInteger(days) || days < AUDIT_RETENTION_DAYS)
    throw new RangeError(`days must be an integer of at least ${AUDIT_RETENTION_DAYS}`);
  const before = new Date(Date.now() - days * 86_400_000);
  const deleted = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY}::bigint)`;
    const res = await tx.auditEvent.deleteMany({ where: { at: { lt: before } } });
    await recordAudit(
      {
        action: "audit.prune",
        detail: { days, before: before.toISOString(), deleted: res.count },
        meta: { ip: null, userAgent: "audit:prune" },
      },
      tx,
    );
    return res.count;
  });
  return { deleted, before };
}
