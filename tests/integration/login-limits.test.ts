import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/features/auth/server/verify-credentials";
import { unlockLogin } from "@/features/security/server/locks";
import { updateSecuritySettings } from "@/features/security/server/update-settings";
import { DEFAULT_ROLE_PERMISSIONS, type TRole } from "@/lib/auth/permissions";
import { LOGIN_SLOWDOWN, slowdownMs } from "@/lib/auth/throttle";
import { clearSecuritySettingsCache, DEFAULT_SECURITY_SETTINGS } from "@/lib/security/settings";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-users";
import { seedAll } from "@/prisma/seed/seed-all";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
let ipSeq = 0;
/** A source never used before in this file. */
const freshIp = () => `10.9.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;
const attempt = async (username: string, password: string, ip: string) =>
  (await verifyCredentials({ username, password }, { ip, userAgent: "test" })) !== null;
const fail = async (username: string, ip: string, times: number) => {
  for (let i = 0; i < times; i++) expect(await attempt(username, "Wrong-pass-1", ip)).toBe(false);
};
const locksOf = (where: { username?: string | null; ip?: string | null }) =>
  t.db.loginLock.findMany({ where: { ...where, unlockedAt: null } });
const S = DEFAULT_SECURITY_SETTINGS;

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  clearSecuritySettingsCache();
});
afterAll(() => t.close());
beforeEach(() => {
  // Timing is measured in its own test; elsewhere the slowdown would only make the file slow.
  Object.assign(LOGIN_SLOWDOWN, { freeFailures: 2, baseMs: 250, maxMs: 0 });
});

describe("per account and source", () => {
  it(`${S.lockSourceFailures} failures lock the account for that source only; the owner's source still works`, async () => {
    const attacker = freshIp();
    const owner = freshIp();
    await fail("hebei", attacker, S.lockSourceFailures - 1);
    expect(await attempt("hebei", DEMO_PASSWORD, attacker)).toBe(true); // a success ends the run
    await fail("hebei", attacker, S.lockSourceFailures);
    expect(await attempt("hebei", DEMO_PASSWORD, attacker)).toBe(false); // locked for that source
    expect(await attempt("hebei", DEMO_PASSWORD, owner)).toBe(true);
    const locks = await locksOf({ username: "hebei", ip: attacker });
    expect(locks).toHaveLength(1);
    expect(+locks[0]!.until - +locks[0]!.createdAt).toBe(S.lockMinutes * 60_000);
    const audit = await t.db.auditEvent.findMany({ where: { action: "auth.locked", actorName: "hebei" } });
    expect(audit.map((a) => (a.detail as { scope: string }).scope)).toEqual(["SOURCE"]);
  });

  it("attempts a lock refuses never count: one source hammering cannot lock the account everywhere", async () => {
    const attacker = freshIp();
    await fail("hubei", attacker, S.lockAccountFailures + 10);
    expect(await locksOf({ username: "hubei", ip: null })).toHaveLength(0);
    expect(await attempt("hubei", DEMO_PASSWORD, freshIp())).toBe(true);
    const counted = await t.db.loginFailure.count({ where: { username: "hubei", refused: false } });
    expect(counted).toBe(S.lockSourceFailures);
  });

  it("an unknown username is treated exactly like a real one (same answer, same lock)", async () => {
    const ip = freshIp();
    await fail("no.such.user", ip, S.lockSourceFailures);
    expect(await locksOf({ username: "no.such.user", ip })).toHaveLength(1);
    const reasons = await t.db.auditEvent.findMany({
      where: { action: "auth.login", outcome: "FAILURE", actorName: "no.such.user" },
    });
    expect(reasons).toHaveLength(S.lockSourceFailures);
  });
});

describe("account-wide", () => {
  it(`${S.lockAccountFailures} failures from several sources lock it everywhere and tell the 安全管理员; an unlock ends it`, async () => {
    const sources = Math.ceil(S.lockAccountFailures / S.lockSourceFailures);
    for (let i = 0; i < sources; i++) await fail("wuhan", freshIp(), S.lockSourceFailures);
    expect(await attempt("wuhan", DEMO_PASSWORD, freshIp())).toBe(false); // even from a new source
    const [lock] = await locksOf({ username: "wuhan", ip: null });
    expect(lock?.failures).toBe(S.lockAccountFailures);

    // Every active holder of "security:manage", per the permission table, hears of it.
    const roles = (Object.keys(DEFAULT_ROLE_PERMISSIONS) as TRole[]).filter((r) =>
      DEFAULT_ROLE_PERMISSIONS[r].includes("security:manage"),
    );
    const admins = await t.db.user.findMany({
      where: { role: { in: roles }, active: true },
      select: { id: true },
    });
    expect(admins.map((a) => a.id)).toContain(
      (await t.db.user.findUniqueOrThrow({ where: { username: "secadmin" } })).id,
    );
    const told = await t.db.notification.findMany({ where: { type: "ACCOUNT_LOCKED" } });
    expect(told.map((n) => n.userId).sort()).toEqual(admins.map((a) => a.id).sort());
    expect(told[0]!.params).toMatchObject({
      scope: "ACCOUNT",
      who: "wuhan",
      failures: S.lockAccountFailures,
    });

    const secadmin = await t.db.user.findUniqueOrThrow({ where: { username: "secadmin" } });
    await unlockLogin(secadmin, lock!.id);
    expect(await attempt("wuhan", DEMO_PASSWORD, freshIp())).toBe(true);
    const unlock = await t.db.auditEvent.findFirstOrThrow({ where: { action: "auth.unlock" } });
    expect(unlock).toMatchObject({ actorId: secadmin.id, targetId: "wuhan" });
    await expect(unlockLogin(secadmin, lock!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("per source, across usernames (spraying)", () => {
  it(`${S.ipMaxFailures} failures from one source within ${S.ipWindowMinutes} minutes refuse that source for everyone`, async () => {
    const sprayer = freshIp();
    const names = Array.from({ length: S.ipMaxFailures }, (_, i) => `spray${i}`);
    for (const name of names) await fail(name, sprayer, 1);
    expect(await attempt("shijiazhuang", DEMO_PASSWORD, sprayer)).toBe(false);
    expect(await attempt("shijiazhuang", DEMO_PASSWORD, freshIp())).toBe(true);
    expect(await locksOf({ username: null, ip: sprayer })).toHaveLength(1);
  });
});

describe("thresholds come from the settings", () => {
  it("a lower per-source threshold set by the 安全管理员 applies at once, and is audited old → new", async () => {
    const secadmin = await t.db.user.findUniqueOrThrow({ where: { username: "secadmin" } });
    await updateSecuritySettings(secadmin, { ...S, lockSourceFailures: 3 });
    const ip = freshIp();
    await fail("zhengding", ip, 3);
    expect(await attempt("zhengding", DEMO_PASSWORD, ip)).toBe(false);
    const change = await t.db.auditEvent.findFirstOrThrow({ where: { action: "setting.change" } });
    expect(change.detail).toEqual({ lockSourceFailures: { from: 5, to: 3 } });
    await updateSecuritySettings(secadmin, S);
  });
});

describe("timing", () => {
  it("the slowdown grows with the failures of one source and has a ceiling", () => {
    Object.assign(LOGIN_SLOWDOWN, { freeFailures: 2, baseMs: 250, maxMs: 2000 });
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(slowdownMs)).toEqual([0, 0, 250, 500, 1000, 2000, 2000, 2000]);
  });

  it("a refused (locked) answer is not faster than a wrong password", async () => {
    Object.assign(LOGIN_SLOWDOWN, { freeFailures: 2, baseMs: 100, maxMs: 400 });
    const time = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      await fn();
      return performance.now() - start;
    };
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    // The last wrong password before a source's lock waits the ceiling (100·2² = 400 ms); so does every
    // refusal that follows. Medians over three sources: the machine is shared, single timings are noisy.
    const lastWrong: number[] = [];
    const locked: number[] = [];
    for (let s = 0; s < 3; s++) {
      const ip = freshIp();
      await fail("wuchang", ip, S.lockSourceFailures - 1);
      lastWrong.push(await time(() => attempt("wuchang", "Wrong-pass-1", ip)));
      locked.push(await time(() => attempt("wuchang", DEMO_PASSWORD, ip)));
    }
    expect(Math.min(...locked)).toBeGreaterThanOrEqual(400);
    expect(median(locked)).toBeGreaterThanOrEqual(median(lastWrong) * 0.7);
    // An unknown name answers no faster than a known one with a wrong password: both hash. (Medians
    // of alternating samples: the machine is shared, single timings are noisy.)
    const unknown: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < 7; i++) {
      unknown.push(await time(() => attempt(`nobody.${i}`, "Wrong-pass-1", freshIp())));
      known.push(await time(() => attempt("acftu", "Wrong-pass-1", freshIp())));
    }
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
  });
});

describe("two app instances on one database", () => {
  it.runIf(process.env.TEST_DATABASE_URL)("share the counts and the locks (a second process)", async () => {
    const ip = freshIp();
    await fail("acftu", ip, 2);
    const run = async (attempts: { username: string; password: string; ip: string }[]) => {
      const { stdout } = await promisify(execFile)(
        "npx",
        ["tsx", "--conditions=react-server", "tests/helpers/login-worker.ts", JSON.stringify(attempts)],
        { env: { ...process.env, DATABASE_URL: t.url!, DATA_DIR: "/nonexistent" }, timeout: 60_000 },
      );
      return JSON.parse(stdout.trim().split("\n").pop()!) as boolean[];
    };
    const wrong = { username: "acftu", password: "Wrong-pass-1", ip };
    // 2 failures here + 3 there = the threshold: the other instance creates the lock.
    expect(await run([wrong, wrong, wrong])).toEqual([false, false, false]);
    expect(await locksOf({ username: "acftu", ip })).toHaveLength(1);
    expect(await attempt("acftu", DEMO_PASSWORD, ip)).toBe(false);
    // And the other instance sees a lock made here.
    const ip2 = freshIp();
    await fail("acftu", ip2, S.lockSourceFailures);
    expect(
      await run([
        { username: "acftu", password: DEMO_PASSWORD, ip: ip2 },
        { ...wrong, password: DEMO_PASSWORD, ip: freshIp() },
      ]),
    ).toEqual([false, true]);
  });
});
