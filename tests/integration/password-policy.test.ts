import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/features/auth/server/verify-credentials";
import { zChangePassword } from "@/features/users/schemas";
import { changeOwnPassword } from "@/features/users/server/change-own-password";
import { resetPassword } from "@/features/users/server/update-user";
import { LOGIN_SLOWDOWN } from "@/lib/auth/throttle";
import { clearSecuritySettingsCache, DEFAULT_SECURITY_SETTINGS } from "@/lib/security/settings";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-users";
import { seedAll } from "@/prisma/seed/seed-all";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
const meta = { ip: "10.1.1.1", userAgent: "test" };
const user = (username: string) =>
  t.db.user.findUniqueOrThrow({
    where: { username },
    select: {
      id: true,
      username: true,
      role: true,
      orgId: true,
      mustChangePassword: true,
      passwordHash: true,
    },
  });
const change = async (username: string, current: string, password: string) => {
  const u = await user(username);
  const input = zChangePassword(username).parse({ current, password, confirm: password });
  return changeOwnPassword(u, input).then(
    () => "OK",
    (e: { fieldErrors?: Record<string, string> }) => e.fieldErrors,
  );
};
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  clearSecuritySettingsCache();
  LOGIN_SLOWDOWN.maxMs = 0;
});
afterAll(() => t.close());

describe("password history", () => {
  it(`one's own change refuses the last ${DEFAULT_SECURITY_SETTINGS.passwordHistory} passwords, the current one included`, async () => {
    const n = DEFAULT_SECURITY_SETTINGS.passwordHistory;
    const pw = (i: number) => `Hist-${i}-pass`;
    expect(await change("zhengding.chair", DEMO_PASSWORD, pw(1))).toBe("OK");
    for (let i = 2; i <= n; i++) expect(await change("zhengding.chair", pw(i - 1), pw(i))).toBe("OK");
    // Now the last n are pw(1)…pw(n): each is refused, pw(n) being the current one.
    for (let i = 1; i < n; i++)
      expect(await change("zhengding.chair", pw(n), pw(i))).toEqual({ password: "passwordReused" });
    // The current one: the form's schema says so already; the server refuses it too.
    const me = await user("zhengding.chair");
    await expect(
      changeOwnPassword(me, { current: pw(n), password: pw(n), confirm: pw(n) }),
    ).rejects.toMatchObject({ fieldErrors: { password: "passwordReused" } });
    // The password before those (the demo one) has dropped out of the window.
    expect(await change("zhengding.chair", pw(n), DEMO_PASSWORD)).toBe("OK");
    expect(
      await verifyCredentials({ username: "zhengding.chair", password: DEMO_PASSWORD }, meta),
    ).not.toBeNull();
  });

  it("a manager's reset does not consult the history (it would reveal old passwords) but enters it", async () => {
    const manager = await user("zhengding");
    const staff = await user("zhengding.staff");
    await resetPassword(manager, { id: staff.id, password: DEMO_PASSWORD, confirm: DEMO_PASSWORD });
    expect((await user("zhengding.staff")).mustChangePassword).toBe(true);
    expect(await change("zhengding.staff", DEMO_PASSWORD, DEMO_PASSWORD.replace("@", "#"))).toBe("OK");
    const audit = await t.db.auditEvent.findMany({
      where: { action: { in: ["password.reset", "password.change"] }, targetId: String(staff.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["password.reset", manager.id],
      ["password.change", staff.id],
    ]);
  });

  it("a wrong current password counts as a failed sign-in of that account from that source", async () => {
    const before = await t.db.loginFailure.count({ where: { username: "hengda.chair" } });
    expect(await change("hengda.chair", "Not-the-one-1", "Fresh-pass-1")).toEqual({
      current: "currentPassword",
    });
    expect(await t.db.loginFailure.count({ where: { username: "hengda.chair" } })).toBe(before + 1);
  });
});

describe("at sign-in", () => {
  it(`a password older than ${DEFAULT_SECURITY_SETTINGS.passwordMaxAgeDays} days must be changed first`, async () => {
    const days = DEFAULT_SECURITY_SETTINGS.passwordMaxAgeDays;
    await t.db.user.update({
      where: { username: "wuchang" },
      data: { passwordChangedAt: new Date(Date.now() - (days - 1) * DAY) },
    });
    expect(await verifyCredentials({ username: "wuchang", password: DEMO_PASSWORD }, meta)).not.toBeNull();
    expect((await user("wuchang")).mustChangePassword).toBe(false);
    await t.db.user.update({
      where: { username: "wuchang" },
      data: { passwordChangedAt: new Date(Date.now() - (days + 1) * DAY) },
    });
    expect(await verifyCredentials({ username: "wuchang", password: DEMO_PASSWORD }, meta)).not.toBeNull();
    expect((await user("wuchang")).mustChangePassword).toBe(true);
    expect(await change("wuchang", DEMO_PASSWORD, "Renewed-2026")).toBe("OK");
    const after = await t.db.user.findUniqueOrThrow({ where: { username: "wuchang" } });
    expect(after.mustChangePassword).toBe(false);
    expect(Date.now() - +after.passwordChangedAt).toBeLessThan(60_000);
  });

  it("an old bcrypt hash still signs in and is replaced by scrypt", async () => {
    await t.db.user.update({
      where: { username: "wuhan" },
      data: { passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4) },
    });
    expect(await verifyCredentials({ username: "wuhan", password: DEMO_PASSWORD }, meta)).not.toBeNull();
    expect((await user("wuhan")).passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyCredentials({ username: "wuhan", password: DEMO_PASSWORD }, meta)).not.toBeNull();
  });

  it("every sign-in is audited: success with the account, failure with the name as typed, never the password", async () => {
    await verifyCredentials({ username: "  HuBei ", password: "Typed-Secret-1" }, meta);
    await verifyCredentials({ username: "hubei", password: DEMO_PASSWORD }, meta);
    const rows = await t.db.auditEvent.findMany({
      where: { action: "auth.login" },
      orderBy: { id: "desc" },
      take: 2,
    });
    const hubei = await user("hubei");
    expect(rows[0]).toMatchObject({ outcome: "SUCCESS", actorId: hubei.id, actorName: "hubei", ip: meta.ip });
    expect(rows[1]).toMatchObject({ outcome: "FAILURE", actorId: null, actorName: "HuBei", ip: meta.ip });
    const all = JSON.stringify(await t.db.auditEvent.findMany(), (_, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(all).not.toContain("Typed-Secret-1");
    expect(all).not.toContain(DEMO_PASSWORD);
  });

  it("a password longer than 256 characters is refused without hashing it", async () => {
    expect(
      await verifyCredentials({ username: "hubei", password: `${DEMO_PASSWORD}${"x".repeat(300)}` }, meta),
    ).toBeNull();
  });
});
