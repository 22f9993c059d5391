import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getRequestMeta, type TRequestMeta } from "@/lib/audit/request-meta";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import {
  activeLock,
  clearSourceFailures,
  recordFailure,
  recordRefused,
  slowdownMs,
  sourceFailures,
  type TLoginSource,
} from "@/lib/auth/throttle";
import { getDb } from "@/lib/db/client";
import { getSecuritySettings } from "@/lib/security/settings";
import { ZLogin } from "../schemas";
import { reportLocks } from "./report-locks";

export type TAuthUser = { id: string; name: string; username: string };

const DAY = 24 * 60 * 60 * 1000;

// Compared against for unknown usernames, so that they cost as much time as a wrong password.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(crypto.randomUUID()));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Returns the user for valid credentials, otherwise null — never says which part was wrong, nor
 * whether the account exists or a lock refused it: every attempt does the same password work, and
 * every refusal waits as long as a wrong password from that source would (lib/auth/throttle.ts).
 */
export async function verifyCredentials(input: unknown, meta?: TRequestMeta): Promise<TAuthUser | null> {
  const parsed = ZLogin.safeParse(input);
  if (!parsed.success) return null;
  const m = meta ?? (await getRequestMeta());
  const typed = parsed.data.username;
  const src: TLoginSource = { username: typed.toLowerCase(), ip: m.ip ?? "unknown" };
  const settings = await getSecuritySettings();
  const now = new Date();
  const [user, lock] = await Promise.all([
    getDb().user.findUnique({
      where: { username: src.username },
      select: {
        id: true,
        name: true,
        username: true,
        passwordHash: true,
        active: true,
        passwordChangedAt: true,
      },
    }),
    activeLock(src, now),
  ]);
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await getDummyHash()));
  const fail = async (reason: string) => {
    await sleep(slowdownMs(await sourceFailures(src, settings, now)));
    await recordAudit({
      action: "auth.login",
      outcome: "FAILURE",
      actorName: typed,
      detail: { reason },
      meta: m,
    });
    return null;
  };

  if (lock) {
    await recordRefused(src, now);
    return fail("locked");
  }
  if (!user || !ok || !user.active) {
    const locks = await recordFailure(src, settings, now);
    if (locks.length) await reportLocks({ src, typed, locks, meta: m, userId: user?.id ?? null });
    return fail(!user ? "unknown" : !ok ? "password" : "inactive");
  }

  await clearSourceFailures(src);
  const expired = +user.passwordChangedAt < +now - settings.passwordMaxAgeDays * DAY;
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(parsed.data.password) : null;
  if (expired || rehash) {
    await getDb().user.update({
      where: { id: user.id },
      // Past the maximum age the user must choose a new password before anything else.
      data: { ...(rehash ? { passwordHash: rehash } : {}), ...(expired ? { mustChangePassword: true } : {}) },
    });
  }
  await recordAudit({
    action: "auth.login",
    actor: { id: user.id, username: user.username },
    target: { type: "user", id: user.id },
    detail: expired ? { passwordExpired: true } : undefined,
    meta: m,
  });
  return { id: String(user.id), name: user.name, username: user.username };
}
