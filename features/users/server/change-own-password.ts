import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearFailures, isThrottled, recordFailure } from "@/lib/auth/throttle";
import { revokeUserSessions } from "@/lib/auth/user-sessions";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TChangePassword } from "../schemas";

/**
 * 修改密码: the signed-in user sets their own password after proving the current one (the input was
 * parsed with zChangePassword for their username). Clears the must-change flag.
 */
export async function changeOwnPassword(
  actor: { id: number; username?: string; sessionId?: string | null },
  input: TChangePassword,
  db: TDb = getDb(),
) {
  // Guessing the current password here is throttled like signing in.
  const key = `password-change:${actor.id}`;
  if (isThrottled(key)) throw new AppError("VALIDATION", { current: "tooManyAttempts" });
  const row = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!row || !(await verifyPassword(input.current, row.passwordHash))) {
    recordFailure(key);
    throw new AppError("VALIDATION", { current: "currentPassword" });
  }
  clearFailures(key);
  await db.user.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(input.password), mustChangePassword: false },
  });
  // Every other session of the user ends; the one that proved the current password stays.
  await revokeUserSessions(actor.id, db, {
    reason: "password.change",
    actor,
    keepSessionId: actor.sessionId,
  });
  return { id: actor.id };
}
