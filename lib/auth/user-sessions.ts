import "server-only";
import crypto from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import type { TRequestMeta } from "@/lib/audit/request-meta";
import { getDb, type TDb, type TTx } from "@/lib/db/client";
import { getSecuritySettings } from "@/lib/security/settings";
import type { TRole } from "./permissions";
import { needsTouch, sessionState } from "./session-limits";

/** Why every session of a user ended (stored on the rows and in the audit trail). */
export type TRevokeReason = "logout" | "password.change" | "password.reset" | "user.deactivate" | "user.role";

// Rows of sessions that ended this long ago are removed when the same user signs in again (the audit
// trail keeps the sign-ins and sign-outs).
const PRUNE_AFTER_MS = 30 * 24 * 60 * 60_000;

/** Starts a session at sign-in; its id goes into the JWT as `sid`. */
export async function createUserSession(
  userId: number,
  meta: TRequestMeta,
  db: TDb | TTx = getDb(),
): Promise<string> {
  const id = crypto.randomBytes(32).toString("base64url");
  const { sessionMaxHours } = await getSecuritySettings();
  const pruneBefore = new Date(Date.now() - Math.max(PRUNE_AFTER_MS, 2 * sessionMaxHours * 60 * 60_000));
  await db.userSession.deleteMany({ where: { userId, createdAt: { lt: pruneBefore } } });
  await db.userSession.create({
    data: { id, userId, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 512) ?? null },
  });
  return id;
}

/** What a request needs of its user and role, read together with the session. */
export type TSessionRow = {
  userId: number;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  username: string;
  name: string;
  role: TRole;
  active: boolean;
  mustChangePassword: boolean;
  orgId: number;
  orgName: string;
  orgLevel: string;
  permissions: string[];
};

/**
 * The user of session `sid` when the session is live (exists, belongs to `userId`, not revoked, seen
 * within the idle limit, begun within the absolute limit) and the user is active; otherwise null.
 * One round trip reads the session, the user, the org and the role's permissions (this runs on every
 * request); lastSeenAt moves forward at most about once a minute.
 */
export async function findLiveSession(
  { sid, userId, now = new Date() }: { sid: string; userId: number; now?: Date },
  db: TDb = getDb(),
): Promise<TSessionRow | null> {
  const [rows, limits] = await Promise.all([
    db.$queryRaw<TSessionRow[]>`
      SELECT s."userId", s."createdAt", s."lastSeenAt", s."revokedAt",
             u.username, u.name, u.role::text AS role, u.active, u."mustChangePassword", u."orgId",
             o.name AS "orgName", o.level::text AS "orgLevel",
             ARRAY(SELECT rp.permission::text FROM "RolePermission" rp WHERE rp.role = u.role) AS permissions
      FROM "UserSession" s
      JOIN "User" u ON u.id = s."userId"
      JOIN "Org" o ON o.id = u."orgId"
      WHERE s.id = ${sid} AND s."userId" = ${userId}`,
    getSecuritySettings(),
  ]);
  const row = rows[0];
  if (!row || !row.active) return null;
  if (sessionState(row, limits, now) !== "live") return null;
  if (needsTouch(row.lastSeenAt, now)) await touchUserSession(sid, now, db);
  return row;
}

/** Marks the session as just seen (only while it is not revoked). */
export async function touchUserSession(
  sid: string,
  now = new Date(),
  db: TDb | TTx = getDb(),
): Promise<void> {
  await db.userSession.updateMany({
    where: { id: sid, revokedAt: null, lastSeenAt: { lt: now } },
    data: { lastSeenAt: now },
  });
}

/** Whether session `sid` exists and has not been revoked (its limits aside). */
export async function isUnrevokedSession(sid: string, db: TDb = getDb()): Promise<boolean> {
  const row = await db.userSession.findUnique({ where: { id: sid }, select: { revokedAt: true } });
  return !!row && !row.revokedAt;
}

export type TRevokeOptions = {
  reason: TRevokeReason;
  /** Who caused it, for the audit trail. */
  actor?: { id: number; username?: string } | null;
  /** The session that just changed its own password stays. */
  keepSessionId?: string | null;
};

/**
 * Ends every session of `userId` at once (all devices), except `keepSessionId`. Pass the caller's
 * transaction as `db` so the revocation lands with the change. Records `session.revoke` when any
 * session ended; returns how many did.
 */
export async function revokeUserSessions(
  userId: number,
  db: TDb | TTx,
  how: TRevokeReason | TRevokeOptions,
): Promise<number> {
  const { reason, actor = null, keepSessionId = null } = typeof how === "string" ? { reason: how } : how;
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: new Date(), revokeReason: reason },
  });
  if (count > 0) {
    await recordAudit(
      {
        action: "session.revoke",
        actor: actor ? await withUsername(actor, db) : null,
        target: { type: "user", id: userId },
        detail: { reason, count },
      },
      db,
    );
  }
  return count;
}

async function withUsername(actor: { id: number; username?: string }, db: TDb | TTx) {
  if (actor.username) return { id: actor.id, username: actor.username };
  const row = await db.user.findUnique({ where: { id: actor.id }, select: { username: true } });
  return row ? { id: actor.id, username: row.username } : null;
}
