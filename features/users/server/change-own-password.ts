import "server-only";
import { checkCurrentPassword } from "@/features/auth/server/check-current-password";
import { setPassword } from "@/features/auth/server/set-password";
import { revokeUserSessions } from "@/lib/auth/user-sessions";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TChangePassword } from "../schemas";

/**
 * 修改密码: the signed-in user sets their own password after proving the current one (the input was
 * parsed with zChangePassword for their username). Clears the must-change flag.
 */
export async function changeOwnPassword(
  actor: { id: number; sessionId?: string | null },
  input: TChangePassword,
  db: TDb = getDb(),
) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, username: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  // Guessing the current password here counts like a failed sign-in.
  await checkCurrentPassword(user, input.current, db);
  await setPassword({ user, plain: input.password, kind: "change", actor: user, mustChange: false }, db);
  // Every other session of the user ends; the one that proved the current password stays.
  await revokeUserSessions(actor.id, db, {
    reason: "password.change",
    actor: user,
    keepSessionId: actor.sessionId,
  });
  return { id: actor.id };
}
