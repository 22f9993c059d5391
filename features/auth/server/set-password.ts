import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordIsUsername } from "@/lib/auth/password-policy";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SECURITY_SETTING_BOUNDS } from "@/lib/security/settings-schema";
import { getSecuritySettings } from "@/lib/security/settings";

/** History rows kept per user: enough for the largest setting the 安全管理员 may choose. */
const KEEP = SECURITY_SETTING_BOUNDS.passwordHistory[1];

/** True when `plain` is one of the user's last `n` passwords (the current one included). */
export async function isRecentPassword(p: { userId: number; plain: string; n: number }, db: TDb = getDb()) {
  const { userId, plain, n } = p;
  const [user, rows] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }),
    db.passwordHistory.findMany({
      where: { userId },
      orderBy: { id: "desc" },
      take: n,
      select: { hash: true },
    }),
  ]);
  const hashes = rows.map((r) => r.hash);
  // Accounts from before the history (seeded, migrated) have only their current hash.
  if (user && hashes[0] !== user.passwordHash) hashes.unshift(user.passwordHash);
  for (const hash of hashes.slice(0, n)) if (await verifyPassword(plain, hash)) return true;
  return false;
}

export type TSetPassword = {
  user: { id: number; username: string };
  plain: string;
  /** "change": the user's own (history checked); "reset": set by someone else for the user. */
  kind: "change" | "reset";
  actor: { id: number; username: string } | null;
  /** The user must choose their own password at the next sign-in. */
  mustChange: boolean;
};

/**
 * The one way a password is set: policy checks the schema cannot make (username; for the user's own
 * change, not one of the last N), a new scrypt hash, the change date, the history, and the audit
 * event (password.change / password.reset), in one transaction.
 */
export async function setPassword(p: TSetPassword, db: TDb = getDb()): Promise<void> {
  if (passwordIsUsername(p.plain, p.user.username))
    throw new AppError("VALIDATION", { password: "passwordIsUsername" });
  const settings = await getSecuritySettings();
  // A reset does not consult the history: it would tell the resetting manager about the user's old passwords.
  if (
    p.kind === "change" &&
    (await isRecentPassword({ userId: p.user.id, plain: p.plain, n: settings.passwordHistory }, db))
  )
    throw new AppError("VALIDATION", { password: "passwordReused" });
  const hash = await hashPassword(p.plain);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: p.user.id },
      data: { passwordHash: hash, passwordChangedAt: new Date(), mustChangePassword: p.mustChange },
    });
    await tx.passwordHistory.create({ data: { userId: p.user.id, hash } });
    const old = await tx.passwordHistory.findMany({
      where: { userId: p.user.id },
      orderBy: { id: "desc" },
      skip: KEEP,
      select: { id: true },
    });
    if (old.length) await tx.passwordHistory.deleteMany({ where: { id: { in: old.map((r) => r.id) } } });
    await recordAudit(
      {
        action: p.kind === "change" ? "password.change" : "password.reset",
        actor: p.actor,
        target: { type: "user", id: p.user.id },
        detail: { mustChange: p.mustChange },
      },
      tx,
    );
  });
}
