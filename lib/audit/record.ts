import "server-only";
import { getDb, type TDb, type TTx } from "@/lib/db/client";
import type { TAuditAction, TAuditOutcome } from "./actions";
import { hashRow, type TChainedRow } from "./chain";
import { getRequestMeta, type TRequestMeta } from "./request-meta";

export type TAuditEvent = {
  action: TAuditAction;
  outcome?: TAuditOutcome;
  /** Who acted; for a failed sign-in only `actorName` (the username as typed). */
  actor?: { id: number; username: string } | null;
  actorName?: string | null;
  target?: { type: string; id: string | number } | null;
  /** Small, non-secret facts: the export's scope, the new role, the failure count … never a password. */
  detail?: Record<string, unknown>;
  /** Defaults to the current request's address and user agent. */
  meta?: TRequestMeta;
};

/** The advisory lock that makes writers of the chain take turns (one arbitrary, fixed key). */
export const AUDIT_LOCK_KEY = 720_012_001;

/** Appends one chained row; must run inside a transaction (the lock is held until it ends). */
async function appendRow(tx: TTx, event: TAuditEvent, meta: TRequestMeta): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY}::bigint)`;
  // Under the lock: the last row is final, and the next id is larger than every id before it.
  const [last] = await tx.$queryRaw<{ hash: string }[]>`
    SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1`;
  const [next] = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) AS id`;
  const row: TChainedRow = {
    id: BigInt(next!.id),
    at: new Date(),
    action: event.action,
    outcome: event.outcome ?? "SUCCESS",
    actorId: event.actor?.id ?? null,
    actorName: (event.actor?.username ?? event.actorName ?? null)?.slice(0, 100) ?? null,
    ip: meta.ip,
    userAgent: meta.userAgent,
    targetType: event.target?.type ?? null,
    targetId: event.target ? String(event.target.id) : null,
    // Stored as JSONB and hashed as read back: a JSON round trip gives the same value both ways.
    detail: event.detail ? JSON.parse(JSON.stringify(event.detail)) : null,
    prevHash: last?.hash ?? null,
  };
  await tx.auditEvent.create({
    data: {
      ...row,
      outcome: row.outcome as TAuditOutcome,
      detail: (row.detail ?? undefined) as object | undefined,
      hash: hashRow(row),
    },
  });
}

/**
 * Appends one event to the audit trail. Pass `db` to write inside the caller's transaction, so the
 * event lands exactly when the change does (and not at all when it rolls back).
 * CONTRACT (other features call this): the signature stays; the hash chain lives inside.
 * Writers are serialised by a transaction-scoped advisory lock, so the chain stays linear across
 * processes; inside a caller's transaction the lock is held until that transaction ends.
 */
export async function recordAudit(event: TAuditEvent, db: TDb | TTx = getDb()): Promise<void> {
  const meta = event.meta ?? (await getRequestMeta());
  if ("$transaction" in db && typeof db.$transaction === "function")
    await (db as TDb).$transaction((tx) => appendRow(tx, event, meta));
  else await appendRow(db, event, meta);
}
