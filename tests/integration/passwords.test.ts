import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/features/auth/server/verify-credentials";
import { ZCreateUser, zChangePassword } from "@/features/users/schemas";
import type { TActor } from "@/features/users/server/actor";
import { changeOwnPassword } from "@/features/users/server/change-own-password";
import { createUser } from "@/features/users/server/create-user";
import { searchManagedOrgs } from "@/features/users/server/search-orgs";
import { resetPassword } from "@/features/users/server/update-user";
import { seedAll } from "@/prisma/seed/seed-all";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
const actors: Record<string, TActor> = {};
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const flagOf = async (username: string) =>
  (await t.db.user.findUniqueOrThrow({ where: { username } })).mustChangePassword;
const signsIn = async (username: string, password: string) =>
  (await verifyCredentials({ username, password })) !== null;
/** The field → message codes a refused promise carries (or "OK"). */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { code?: string; fieldErrors?: Record<string, string> }) => ({ code: e.code, fields: e.fieldErrors }),
  );

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  for (const u of await t.db.user.findMany({ select: { id: true, username: true, role: true, orgId: true } }))
    actors[u.username] = u;
});
afterAll(() => t.close());

describe("a password set by a manager must be changed by its user", () => {
  it("demo users are not flagged; a new account and a manager's reset are; one's own reset is not", async () => {
    expect(await t.db.user.count({ where: { mustChangePassword: true } })).toBe(0);
    const zd = await org("130123");
    const input = { username: "first.login", name: "新同志", role: "STAFF", orgId: zd.id, phone: "" };
    await createUser(actors.hebei!, ZCreateUser.parse({ ...input, password: "Initial123" }));
    expect(await flagOf("first.login")).toBe(true);
    expect(await signsIn("first.login", "Initial123")).toBe(true); // signing in works; the app then asks

    const staff = await t.db.user.findUniqueOrThrow({ where: { username: "zhengding.staff" } });
    await resetPassword(actors.zhengding!, { id: staff.id, password: "Reset1234", confirm: "Reset1234" });
    expect(await flagOf("zhengding.staff")).toBe(true);
    await resetPassword(actors.hebei!, { id: actors.hebei!.id, password: "Mine12345", confirm: "Mine12345" });
    expect(await flagOf("hebei")).toBe(false);
  });

  it("changing one's own password: the current one is checked, the policy enforced, the flag cleared", async () => {
    const me = actors["zhengding.staff"]!;
    const schema = zChangePassword("zhengding.staff");
    const wrong = schema.parse({ current: "Wrong1234", password: "Better2026", confirm: "Better2026" });
    expect(await refusal(changeOwnPassword(me, wrong))).toEqual({
      code: "VALIDATION",
      fields: { current: "currentPassword" },
    });
    expect(await flagOf("zhengding.staff")).toBe(true);
    expect(await signsIn("zhengding.staff", "Reset1234")).toBe(true);

    await changeOwnPassword(
      me,
      schema.parse({ current: "Reset1234", password: "Better2026", confirm: "Better2026" }),
    );
    expect(await flagOf("zhengding.staff")).toBe(false);
    expect(await signsIn("zhengding.staff", "Better2026")).toBe(true);
    expect(await signsIn("zhengding.staff", "Reset1234")).toBe(false);
  });

  it("the policy: 8+ characters of 3 classes, not containing the username, new, confirmed; all errors at once", async () => {
    const issues = (username: string, v: Record<string, string>) => {
      const r = zChangePassword(username).safeParse(v);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(issues("zd01", { current: "", password: "abc1", confirm: "abc" })).toEqual({
      current: "currentRequired",
      password: "password",
      confirm: "passwordMismatch",
    });
    expect(issues("zd01", { current: "x", password: "abcdefgh", confirm: "abcdefgh" })).toEqual({
      password: "password",
    });
    expect(issues("zd01", { current: "x", password: "12345678", confirm: "12345678" })).toEqual({
      password: "password",
    });
    expect(issues("wang2026", { current: "x", password: "WANG2026", confirm: "WANG2026" })).toEqual({
      password: "passwordIsUsername",
    });
    expect(issues("zd01", { current: "Same1234", password: "Same1234", confirm: "Same1234" })).toEqual({
      password: "passwordUnchanged",
    });
    expect(issues("zd01", { current: "x", password: "Good2026", confirm: "Good2026" })).toEqual({});
    // The server holds a manager to the username rule too (the reset form does not know the username).
    const target = await t.db.user.findUniqueOrThrow({ where: { username: "first.login" } });
    expect(
      await refusal(
        resetPassword(actors.hebei!, { id: target.id, password: "First.Login", confirm: "First.Login" }),
      ),
    ).toEqual({ code: "VALIDATION", fields: { password: "passwordIsUsername" } });
  });
});

describe("creating a user", () => {
  it("reports every refused field at once: a role above the actor's, an org outside (a name is only checked for an otherwise valid account)", async () => {
    const wuchang = await org("420106");
    const input = ZCreateUser.parse({
      username: "hubei",
      name: "越权",
      role: "ADMIN",
      orgId: wuchang.id,
      phone: "",
      password: "Abc12345",
    });
    expect(await refusal(createUser(actors.hebei!, input))).toEqual({
      code: "ROLE_NOT_ALLOWED",
      fields: { role: "role", orgId: "org" },
    });
    const r = ZCreateUser.safeParse({ username: "A", name: "", role: "X", phone: "1", password: "a" });
    expect(r.success ? [] : [...new Set(r.error.issues.map((i) => i.path[0]))].sort()).toEqual(
      ["name", "orgId", "password", "phone", "role", "username"].sort(),
    );
  });

  it("the org picker finds only orgs of the manager's subtree, the manager's own included", async () => {
    const names = async (actor: TActor, q: string) => (await searchManagedOrgs(actor, q)).map((o) => o.code);
    expect(await names(actors.hebei!, "武昌")).toEqual([]);
    expect(await names(actors.hebei!, "正定县")).toContain("130123");
    expect(await names(actors.zhengding!, "1301230001")).toEqual(["1301230001"]);
    const start = await names(actors.zhengding!, "");
    expect(start[0]).toBe("130123");
    const children = await t.db.org.count({ where: { parentId: actors.zhengding!.orgId } });
    expect(start).toHaveLength(Math.min(30, children + 1));
    expect(await names(actors.wuchang!, "正定")).toEqual([]);
  });
});
