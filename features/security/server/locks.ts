import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { lockScope } from "@/lib/auth/throttle";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** Locks in force now, newest first (the page lists at most `take`). */
export async function listActiveLocks(now = new Date(), take = 200, db: TDb = getDb()) {
  const rows = await db.loginLock.findMany({
    where: { unlockedAt: null, until: { gt: now } },
    orderBy: { id: "desc" },
    take,
    select: { id: true, username: true, ip: true, failures: true, createdAt: true, until: true },
  });
  return rows.map((r) => ({ ...r, scope: lockScope(r) }));
}

/**
 * 解锁: ends a lock now and forgets the failures behind it, so the next mistake does not lock again
 * at once. NOT_FOUND when it is not in force any more.
 */
export async function unlockLogin(actor: { id: number; username: string }, id: number, db: TDb = getDb()) {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const lock = await tx.loginLock.findFirst({
      where: { id, unlockedAt: null, until: { gt: now } },
      select: { id: true, username: true, ip: true },
    });
    if (!lock) throw new AppError("NOT_FOUND");
    await tx.loginLock.update({ where: { id }, data: { unlockedAt: now, unlockedById: actor.id } });
    await tx.loginFailure.deleteMany({
      where: { ...(lock.username ? { username: lock.username } : {}), ...(lock.ip ? { ip: lock.ip } : {}) },
    });
    const scope = lockScope(lock);
    await recordAudit(
      {
        action: "auth.unlock",
        actor,
        target: scope === "IP" ? { type: "ip", id: lock.ip! } : { type: "username", id: lock.username! },
        detail: { scope, ip: lock.ip, lockId: lock.id },
      },
      tx,
    );
    return { id: lock.id };
  });
}
