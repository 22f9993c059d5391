import "server-only";
import { getDb, type TDb, type TTx } from "@/lib/db/client";
import type { TSecuritySettings } from "@/lib/security/settings";

// Sign-in limits kept in the database, so every app instance (and a restart) sees the same counts.
// A source is the client IP ("unknown" without one). The rules (thresholds from the settings):
// - account + source: `lockSourceFailures` consecutive failures lock that account for that source;
// - account: `lockAccountFailures` failures from all sources lock the account everywhere;
// - source: `ipMaxFailures` failures across all usernames within `ipWindowMinutes` lock the source.
// An attempt a lock refuses is stored as `refused`: it slows that source down further but never
// counts towards a lock, so one source can never push an account over the account-wide threshold.

export type TLoginSource = { username: string; ip: string };
export type TLockScope = "SOURCE" | "ACCOUNT" | "IP";
export type TNewLock = { id: number; scope: TLockScope; until: Date; failures: number };

const MINUTE = 60_000;
const KEEP_MS = 24 * 60 * MINUTE;

/** Progressive slowdown of failed answers from one source for one username (tests may change it). */
export const LOGIN_SLOWDOWN = { freeFailures: 2, baseMs: 250, maxMs: 2000 };

export function slowdownMs(sourceFailures: number): number {
  const over = sourceFailures - LOGIN_SLOWDOWN.freeFailures;
  if (over <= 0) return 0;
  return Math.min(LOGIN_SLOWDOWN.baseMs * 2 ** (over - 1), LOGIN_SLOWDOWN.maxMs);
}

export function lockScope(lock: { username: string | null; ip: string | null }): TLockScope {
  if (lock.username && lock.ip) return "SOURCE";
  return lock.username ? "ACCOUNT" : "IP";
}

/** The lock in force against this attempt, if any (account + source, account, or source). */
export async function activeLock(src: TLoginSource, now = new Date(), db: TDb | TTx = getDb()) {
  return db.loginLock.findFirst({
    where: {
      unlockedAt: null,
      until: { gt: now },
      OR: [
        { username: src.username, ip: src.ip },
        { username: src.username, ip: null },
        { username: null, ip: src.ip },
      ],
    },
    select: { id: true, username: true, ip: true, until: true },
  });
}

/** Failures (refused ones included) of this username from this source within the lock period. */
export async function sourceFailures(src: TLoginSource, settings: TSecuritySettings, now = new Date()) {
  return getDb().loginFailure.count({
    where: { username: src.username, ip: src.ip, at: { gt: new Date(+now - settings.lockMinutes * MINUTE) } },
  });
}

/** Stores an attempt a lock refused. */
export async function recordRefused(src: TLoginSource, now = new Date()): Promise<void> {
  await getDb().loginFailure.create({ data: { ...src, refused: true, at: now } });
}

/**
 * Stores a failed attempt and creates the locks it completes, in one transaction serialised per
 * username and per source (advisory locks), so concurrent instances never double-count or
 * double-lock. Returns the locks created.
 */
export async function recordFailure(
  src: TLoginSource,
  settings: TSecuritySettings,
  now = new Date(),
): Promise<TNewLock[]> {
  const db = getDb();
  const lockWindow = new Date(+now - settings.lockMinutes * MINUTE);
  const ipWindow = new Date(+now - settings.ipWindowMinutes * MINUTE);
  const until = new Date(+now + settings.lockMinutes * MINUTE);
  const created = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login-user:${src.username}`}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login-ip:${src.ip}`}))`;
    await tx.loginFailure.create({ data: { ...src, at: now } });
    const counted = { refused: false };
    const [source, account, ip] = await Promise.all([
      tx.loginFailure.count({
        where: { ...counted, username: src.username, ip: src.ip, at: { gt: lockWindow } },
      }),
      tx.loginFailure.count({ where: { ...counted, username: src.username, at: { gt: lockWindow } } }),
      tx.loginFailure.count({ where: { ...counted, ip: src.ip, at: { gt: ipWindow } } }),
    ]);
    const wanted: [TLockScope, { username: string | null; ip: string | null }, number][] = [];
    if (source >= settings.lockSourceFailures)
      wanted.push(["SOURCE", { username: src.username, ip: src.ip }, source]);
    if (account >= settings.lockAccountFailures)
      wanted.push(["ACCOUNT", { username: src.username, ip: null }, account]);
    if (ip >= settings.ipMaxFailures) wanted.push(["IP", { username: null, ip: src.ip }, ip]);
    const locks: TNewLock[] = [];
    for (const [scope, key, failures] of wanted) {
      const existing = await tx.loginLock.findFirst({
        where: { ...key, unlockedAt: null, until: { gt: now } },
        select: { id: true },
      });
      if (existing) continue;
      const lock = await tx.loginLock.create({
        data: { ...key, failures, until, createdAt: now },
        select: { id: true },
      });
      locks.push({ id: lock.id, scope, until, failures });
    }
    return locks;
  });
  // Rows older than any window only cost space; an occasional sweep keeps the table small.
  if (Math.random() < 0.02)
    await db.loginFailure.deleteMany({ where: { at: { lt: new Date(+now - KEEP_MS) } } });
  return created;
}

/** A successful sign-in ends the run of failures from its source (the account-wide count stays). */
export async function clearSourceFailures(src: TLoginSource): Promise<void> {
  await getDb().loginFailure.deleteMany({ where: { username: src.username, ip: src.ip } });
}
