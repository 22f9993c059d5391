import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TActor } from "@/features/users/server/actor";
import { changeOwnPassword } from "@/features/users/server/change-own-password";
import { resetPassword, setUserActive, updateUser } from "@/features/users/server/update-user";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-users";
import { seedAll } from "@/prisma/seed/seed-all";
import { createUserSession, findLiveSession, revokeUserSessions } from "@/lib/auth/user-sessions";
import { DEFAULT_SECURITY_SETTINGS } from "@/lib/security/settings";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
const actors: Record<string, TActor & { username: string }> = {};
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  for (const u of await t.db.user.findMany({ select: { id: true, username: true, role: true, orgId: true } }))
    actors[u.username] = u;
});
afterAll(() => t.close());

const meta = { ip: "203.0.113.7", userAgent: "vitest" };
const user = (name: string) => actors[name]!;
/** Two sessions of `name` (two devices), both live now. */
async function twoSessions(name: string): Promise<[string, string]> {
  const a = await createUserSession(user(name).id, meta);
  const b = await createUserSession(user(name).id, meta);
  for (const sid of [a, b]) expect(await findLiveSession({ sid, userId: user(name).id })).not.toBeNull();
  return [a, b];
}
const live = (name: string, sid: string) => findLiveSession({ sid, userId: user(name).id }).then((u) => !!u);
const revocations = (userId: number) =>
  t.db.auditEvent.findMany({ where: { action: "session.revoke", targetId: String(userId) } });

describe("a session is accepted only while its row is live", () => {
  it("a new session carries the request's address and agent, and reads its user in the same query", async () => {
    const sid = await createUserSession(user("hengda.staff").id, meta);
    const row = await t.db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row).toMatchObject({
      userId: user("hengda.staff").id,
      ip: meta.ip,
      userAgent: "vitest",
      revokedAt: null,
    });
    expect(sid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const u = await findLiveSession({ sid, userId: user("hengda.staff").id });
    expect(u).toMatchObject({
      username: "hengda.staff",
      role: "STAFF",
      active: true,
      orgLevel: "GRASSROOTS",
    });
    const granted = await t.db.rolePermission.findMany({ where: { role: "STAFF" } });
    expect([...u!.permissions].sort()).toEqual(granted.map((g) => g.permission).sort());
    expect(u!.permissions.length).toBeGreaterThan(0);
    expect(u!.createdAt).toBeInstanceOf(Date);
  });

  it("refuses a session id of another user, and an unknown one", async () => {
    const sid = await createUserSession(user("hengda.staff").id, meta);
    expect(await findLiveSession({ sid, userId: user("hengda.chair").id })).toBeNull();
    expect(await findLiveSession({ sid: "no-such-session", userId: user("hengda.staff").id })).toBeNull();
  });

  it("refuses a session idle for the configured minutes, and one past its absolute lifetime", async () => {
    const { sessionIdleMinutes, sessionMaxHours } = DEFAULT_SECURITY_SETTINGS;
    const id = user("hengda.chair").id;
    const sid = await createUserSession(id, meta);
    const { createdAt } = await t.db.userSession.findUniqueOrThrow({ where: { id: sid } });
    const at = (ms: number) => new Date(createdAt.getTime() + ms);
    const MIN = 60_000;
    // Seen one minute before the idle limit: still live, and the request moves lastSeenAt to its time.
    expect(
      await findLiveSession({ sid, userId: id, now: at((sessionIdleMinutes - 1) * MIN) }),
    ).not.toBeNull();
    const seen = await t.db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(seen.lastSeenAt.getTime()).toBe(at((sessionIdleMinutes - 1) * MIN).getTime());
    // A request within the same minute does not write again.
    await findLiveSession({ sid, userId: id, now: at((sessionIdleMinutes - 1) * MIN + 30_000) });
    const again = await t.db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(again.lastSeenAt.getTime()).toBe(seen.lastSeenAt.getTime());
    // Idle for the whole limit after that: refused, and lastSeenAt is not moved by the refusal.
    const idleAt = at((2 * sessionIdleMinutes - 1) * MIN);
    expect(await findLiveSession({ sid, userId: id, now: idleAt })).toBeNull();
    const after = await t.db.userSession.findUniqueOrThrow({ where: { id: sid } });
    expect(after.lastSeenAt.getTime()).toBe(seen.lastSeenAt.getTime());

    // Active every few minutes, yet refused once the absolute lifetime has passed since sign-in.
    const sid2 = await createUserSession(id, meta);
    const start = (await t.db.userSession.findUniqueOrThrow({ where: { id: sid2 } })).createdAt.getTime();
    const end = start + sessionMaxHours * 60 * MIN;
    await t.db.userSession.update({ where: { id: sid2 }, data: { lastSeenAt: new Date(end - 5 * MIN) } });
    expect(await findLiveSession({ sid: sid2, userId: id, now: new Date(end - MIN) })).not.toBeNull();
    expect(await findLiveSession({ sid: sid2, userId: id, now: new Date(end) })).toBeNull();
  });

  it("sign-out's revocation ends every session of the user and records it; other users keep theirs", async () => {
    const [a, b] = await twoSessions("zhengding.chair");
    const other = await createUserSession(user("hengda.chair").id, meta);
    const n = await revokeUserSessions(user("zhengding.chair").id, t.db, {
      reason: "logout",
      actor: user("zhengding.chair"),
    });
    expect(n).toBe(2);
    expect(await live("zhengding.chair", a)).toBe(false);
    expect(await live("zhengding.chair", b)).toBe(false);
    expect(await live("hengda.chair", other)).toBe(true);
    const [event] = await revocations(user("zhengding.chair").id);
    expect(event).toMatchObject({
      actorName: "zhengding.chair",
      outcome: "SUCCESS",
      detail: { reason: "logout", count: 2 },
    });
  });
});

describe("changes to an account end its sessions", () => {
  it("a manager's password reset", async () => {
    const [a, b] = await twoSessions("zhengding.staff");
    await resetPassword(user("zhengding"), {
      id: user("zhengding.staff").id,
      password: "Reset#2027x",
      confirm: "Reset#2027x",
    });
    expect([await live("zhengding.staff", a), await live("zhengding.staff", b)]).toEqual([false, false]);
    const rows = await t.db.userSession.findMany({ where: { id: { in: [a, b] } } });
    expect(rows.map((r) => r.revokeReason)).toEqual(["password.reset", "password.reset"]);
  });

  it("deactivation (reactivating does not bring the sessions back)", async () => {
    const [a] = await twoSessions("hengda.staff");
    await setUserActive(user("zhengding"), { id: user("hengda.staff").id, active: false });
    await setUserActive(user("zhengding"), { id: user("hengda.staff").id, active: true });
    expect(await live("hengda.staff", a)).toBe(false);
    expect((await t.db.userSession.findUniqueOrThrow({ where: { id: a } })).revokeReason).toBe(
      "user.deactivate",
    );
  });

  it("a role change, but not an edit that keeps the role", async () => {
    const [a] = await twoSessions("zhengding.chair");
    const target = await t.db.user.findUniqueOrThrow({ where: { id: user("zhengding.chair").id } });
    const edit = { id: target.id, name: "改名的主席", phone: "" };
    await updateUser(user("hebei"), { ...edit, role: "CHAIR" });
    expect(await live("zhengding.chair", a)).toBe(true);
    await updateUser(user("hebei"), { ...edit, role: "STAFF" });
    expect(await live("zhengding.chair", a)).toBe(false);
    expect((await t.db.userSession.findUniqueOrThrow({ where: { id: a } })).revokeReason).toBe("user.role");
  });

  it("one's own password change ends the other sessions and keeps the one that made it", async () => {
    const [here, elsewhere] = await twoSessions("wuchang.staff");
    const me = { ...user("wuchang.staff"), sessionId: here };
    await changeOwnPassword(me, { current: DEMO_PASSWORD, password: "Mine#2027xy", confirm: "Mine#2027xy" });
    expect(await live("wuchang.staff", here)).toBe(true);
    expect(await live("wuchang.staff", elsewhere)).toBe(false);
    const [event] = await revocations(user("wuchang.staff").id);
    expect(event).toMatchObject({
      actorName: "wuchang.staff",
      detail: { reason: "password.change", count: 1 },
    });
  });
});
