import "server-only";
import { getRequestMeta } from "@/lib/audit/request-meta";
import { verifyPassword } from "@/lib/auth/password";
import { activeLock, recordFailure, recordRefused } from "@/lib/auth/throttle";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getSecuritySettings } from "@/lib/security/settings";
import { reportLocks } from "./report-locks";

/**
 * Proof of the current password before the user's own change. A wrong one counts as a failed
 * sign-in of that account from this source (the same limits apply); the user is signed in, so a
 * lock may be named (tooManyAttempts).
 */
export async function checkCurrentPassword(
  user: { id: number; username: string },
  plain: string,
  db: TDb = getDb(),
) {
  const meta = await getRequestMeta();
  const src = { username: user.username.toLowerCase(), ip: meta.ip ?? "unknown" };
  const settings = await getSecuritySettings();
  const [row, lock] = await Promise.all([
    db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } }),
    activeLock(src),
  ]);
  const ok = !!row && (await verifyPassword(plain, row.passwordHash));
  if (lock) {
    await recordRefused(src);
    throw new AppError("VALIDATION", { current: "tooManyAttempts" });
  }
  if (!ok) {
    const locks = await recordFailure(src, settings);
    if (locks.length) await reportLocks({ src, typed: user.username, locks, meta, userId: user.id });
    throw new AppError("VALIDATION", { current: "currentPassword" });
  }
}
