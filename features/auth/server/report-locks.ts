import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { TRequestMeta } from "@/lib/audit/request-meta";
import type { TLoginSource, TNewLock } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db/client";

export const SECURITY_MANAGE = "security:manage";

/** Active users whose role holds "security:manage" (the 安全管理员), per the permission table. */
export async function securityAdminIds(): Promise<number[]> {
  const db = getDb();
  const roles = await db.rolePermission.findMany({
    where: { permission: SECURITY_MANAGE },
    select: { role: true },
  });
  if (!roles.length) return [];
  const users = await db.user.findMany({
    where: { active: true, role: { in: roles.map((r) => r.role) } },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/**
 * Every new lock goes to the audit trail (auth.locked); a lock of an account everywhere or of a
 * source for every account is also told to the 安全管理员 (in-app notification), whether it then
 * ends by their unlock or by time.
 */
export async function reportLocks(r: {
  src: TLoginSource;
  typed: string;
  locks: TNewLock[];
  meta: TRequestMeta;
  userId: number | null;
}): Promise<void> {
  for (const lock of r.locks) {
    await recordAudit({
      action: "auth.locked",
      outcome: "SUCCESS",
      actorName: r.typed,
      target: lock.scope === "IP" ? { type: "ip", id: r.src.ip } : { type: "username", id: r.src.username },
      detail: { scope: lock.scope, ip: r.src.ip, failures: lock.failures, until: lock.until.toISOString() },
      meta: r.meta,
    });
  }
  const told = r.locks.filter((l) => l.scope !== "SOURCE");
  if (!told.length) return;
  const admins = await securityAdminIds();
  if (!admins.length) return;
  await getDb().notification.createMany({
    data: told.flatMap((lock) =>
      admins.map((userId) => ({
        userId,
        type: "ACCOUNT_LOCKED" as const,
        taskId: null,
        params: {
          scope: lock.scope,
          who: lock.scope === "IP" ? r.src.ip : r.src.username,
          failures: lock.failures,
        },
      })),
    ),
  });
}
