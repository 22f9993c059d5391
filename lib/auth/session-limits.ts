// When a signed-in session ends (等保 2.0 三级: idle timeout, absolute lifetime, revocation). Pure, so the
// limits are tested with explicit timestamps.

export type TSessionTimes = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };
export type TSessionLimits = { sessionIdleMinutes: number; sessionMaxHours: number };
export type TSessionState = "live" | "revoked" | "idle" | "expired";

/** lastSeenAt is written at most this often, so a busy user costs one UPDATE a minute, not one a request. */
export const SESSION_TOUCH_MS = 60_000;

const MINUTE = 60_000;

export function sessionState(s: TSessionTimes, limits: TSessionLimits, now: Date): TSessionState {
  if (s.revokedAt) return "revoked";
  if (now.getTime() - s.createdAt.getTime() >= limits.sessionMaxHours * 60 * MINUTE) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= limits.sessionIdleMinutes * MINUTE) return "idle";
  return "live";
}

/** Whether this request should move lastSeenAt forward. */
export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}
