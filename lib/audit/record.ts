import "server-only";
import { getDb, type TDb, type TTx } from "@/lib/db/client";
import type { TAuditAction, TAuditOutcome } from "./actions";
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

/**
 * Appends one event to the audit trail. Pass `db` to write inside the caller's transaction, so the
 * event lands exactly when the change does.
 * CONTRACT (other features call this): the signature stays; the hash chain lives inside.
 */
export async function recordAudit(event: TAuditEvent, db: TDb | TTx = getDb()): Promise<void> {
  const meta = event.meta ?? (await getRequestMeta());
  await db.auditEvent.create({
    data: {
      action: event.action,
      outcome: event.outcome ?? "SUCCESS",
      actorId: event.actor?.id ?? null,
      actorName: event.actor?.username ?? event.actorName ?? null,
      ip: meta.ip,
      userAgent: meta.userAgent,
      targetType: event.target?.type ?? null,
      targetId: event.target ? String(event.target.id) : null,
      detail: (event.detail ?? undefined) as object | undefined,
      hash: "", // the chain is added by the audit work (issue 12)
    },
  });
}
