import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZCreateUser } from "@/features/users/schemas";
import type { TActor } from "@/features/users/server/actor";
import { createUser } from "@/features/users/server/create-user";
import { findManagedUser } from "@/features/users/server/find-managed-user";
import { listUsers } from "@/features/users/server/list-users";
import { resetPassword, setUserActive, updateUser } from "@/features/users/server/update-user";
import { USERNAME_PROBES_PER_HOUR } from "@/features/users/server/username-probe";
import { verifyAuditChain } from "@/lib/audit/verify";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
const actors: Record<string, TActor> = {};
const orgIds = new Map<string, number>();

async function loadActors() {
  for (const u of await t.db.user.findMany({ select: { id: true, username: true, role: true, orgId: true } }))
    actors[u.username] = u;
}

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  for (const o of await t.db.org.findMany({
    where: { code: { in: ["000000", "130000", "130100", "130123", "1301230001"] } },
  }))
    orgIds.set(o.code, o.id);
  await loadActors();
});
afterAll(() => t.close());

const input = (over: { username: string; role?: string; orgCode?: string; password?: string }) =>
  ZCreateUser.parse({
    name: "新用户",
    role: "STAFF",
    phone: "",
    password: "Strong.Pass1",
    ...over,
    orgId: orgIds.get(over.orgCode ?? "130123"),
  });

const auditOf = (targetId: number) =>
  t.db.auditEvent.findMany({
    where: { targetType: "user", targetId: String(targetId) },
    orderBy: { id: "asc" },
    select: { action: true, outcome: true, actorId: true, detail: true },
  });

describe("peer managers (finding 5)", () => {
  it("a manager cannot create a manager in its own org, but can in an org below", async () => {
    const zd = actors.zhengding!;
    expect(await codeOf(createUser(zd, input({ username: "zd.peer", role: "MANAGER" })))).toBe(
      "ROLE_NOT_ALLOWED",
    );
    expect(await t.db.user.count({ where: { username: "zd.peer" } })).toBe(0);
    const below = await createUser(
      zd,
      input({ username: "hd.manager", role: "MANAGER", orgCode: "1301230001" }),
    );
    expect(below.id).toBeGreaterThan(0);
    // A manager still creates chairs and staff of its own org.
    expect(await codeOf(createUser(zd, input({ username: "zd.chair2", role: "CHAIR" })))).toBe("OK");
  });

  it("a peer manager (made by the org above) cannot reset, deactivate, edit or list its peer", async () => {
    const peer = await createUser(actors.shijiazhuang!, input({ username: "zd.peer2", role: "MANAGER" }));
    await loadActors();
    const p = actors["zd.peer2"]!;
    const creator = actors.zhengding!;
    expect(p.id).toBe(peer.id);
    expect(await codeOf(findManagedUser(p, creator.id))).toBe("NOT_FOUND");
    expect(
      await codeOf(resetPassword(p, { id: creator.id, password: "Taken.Over1", confirm: "Taken.Over1" })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(setUserActive(p, { id: creator.id, active: false }))).toBe("NOT_FOUND");
    expect(await codeOf(updateUser(p, { id: creator.id, name: "x", role: "STAFF", phone: "" }))).toBe(
      "NOT_FOUND",
    );
    expect((await listUsers(p, {})).items.map((u) => u.id)).not.toContain(creator.id);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: creator.id } });
    expect([row.active, row.mustChangePassword]).toEqual([true, false]);
    // The org above manages both.
    expect((await findManagedUser(actors.shijiazhuang!, creator.id)).id).toBe(creator.id);
  });

  it("a manager cannot promote its own org's chair to manager; a chair manages only its org's staff", async () => {
    const chair = actors["zhengding.chair"]!;
    expect(
      await codeOf(updateUser(actors.zhengding!, { id: chair.id, name: "主席", role: "MANAGER", phone: "" })),
    ).toBe("ROLE_NOT_ALLOWED");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: chair.id } })).role).toBe("CHAIR");
    const hengda = actors["hengda.chair"]!;
    expect(await codeOf(findManagedUser(hengda, actors["hengda.staff"]!.id))).toBe("OK");
    expect(await codeOf(findManagedUser(chair, actors["hengda.staff"]!.id))).toBe("NOT_FOUND");
    expect(await codeOf(findManagedUser(chair, actors["zhengding.staff"]!.id))).toBe("OK");
  });
});

describe("三员分立 on accounts", () => {
  it("the 系统管理员 manages business accounts only, never the administrators", async () => {
    const admin = actors.admin!;
    for (const role of ["ADMIN", "SECURITY_ADMIN", "AUDITOR"])
      expect(await codeOf(createUser(admin, input({ username: `a.${role.toLowerCase()}`, role })))).toBe(
        "ROLE_NOT_ALLOWED",
      );
    for (const other of ["secadmin", "auditor"])
      expect(await codeOf(setUserActive(admin, { id: actors[other]!.id, active: false }))).toBe("NOT_FOUND");
    expect(
      await codeOf(createUser(admin, input({ username: "nat.manager", role: "MANAGER", orgCode: "000000" }))),
    ).toBe("OK");
    expect(
      await codeOf(updateUser(admin, { id: actors.acftu!.id, name: "全总督办员", role: "ADMIN", phone: "" })),
    ).toBe("ROLE_NOT_ALLOWED");
  });

  it("only the 安全管理员 gives the administrator roles, and never to itself", async () => {
    const sec = actors["secadmin"]!;
    const made = await createUser(
      sec,
      input({ username: "second.auditor", role: "AUDITOR", orgCode: "000000" }),
    );
    expect(made.id).toBeGreaterThan(0);
    expect(await codeOf(updateUser(sec, { id: made.id, name: "审计", role: "ADMIN", phone: "" }))).toBe("OK");
    expect(await codeOf(createUser(sec, input({ username: "sec.staff", role: "STAFF" })))).toBe(
      "ROLE_NOT_ALLOWED",
    );
    expect(await codeOf(setUserActive(sec, { id: actors.hebei!.id, active: false }))).toBe("NOT_FOUND");
    expect(await codeOf(updateUser(sec, { id: sec.id, name: "安全", role: "AUDITOR", phone: "" }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(setUserActive(sec, { id: sec.id, active: false }))).toBe("FORBIDDEN");
    expect(await codeOf(setUserActive(actors.admin!, { id: actors.admin!.id, active: false }))).toBe(
      "FORBIDDEN",
    );
    // The auditor manages nobody.
    expect((await listUsers(actors["auditor"]!, {})).items.map((u) => u.username)).toEqual(["auditor"]);
  });
});

describe("USERNAME_TAKEN is no free oracle (finding 16)", () => {
  it("answers only for an otherwise valid account, neutrally, audited and limited per hour", async () => {
    const chair = actors["hengda.chair"]!;
    const probe = (username: string, over = {}) =>
      createUser(chair, input({ username, orgCode: "1301230001", ...over })).then(
        () => "OK",
        (e: { code: string; fieldErrors?: Record<string, string> }) =>
          `${e.code}:${e.fieldErrors?.username ?? ""}`,
      );
    // An invalid role or org is refused before the name is looked at.
    expect(await probe("wuchang.chair", { role: "CHAIR" })).toBe("ROLE_NOT_ALLOWED:");
    expect(await probe("wuchang.chair", { orgCode: "130100" })).toBe("ROLE_NOT_ALLOWED:");
    expect(await probe("wuchang.chair")).toBe("USERNAME_TAKEN:usernameUnavailable");
    const failures = await t.db.auditEvent.findMany({
      where: { action: "user.create", outcome: "FAILURE", actorId: chair.id },
    });
    expect(failures.map((f) => f.detail)).toEqual([
      { reason: "usernameUnavailable", username: "wuchang.chair" },
    ]);
    for (let i = 1; i < USERNAME_PROBES_PER_HOUR; i++)
      expect(await probe("hubei")).toMatch(/^USERNAME_TAKEN/);
    // The limit is reached: the next answers are the same whether the name exists or not.
    expect(await probe("admin")).toBe("VALIDATION:usernameTryLater");
    expect(await probe("no.such.name")).toBe("VALIDATION:usernameTryLater");
    expect(await t.db.user.count({ where: { username: "no.such.name" } })).toBe(0);
    // Another actor is not affected.
    expect(await codeOf(createUser(actors.zhengding!, input({ username: "free.name" })))).toBe("OK");
  });
});

describe("user changes are audited in their transaction", () => {
  it("records create, update, role, reset, deactivate and activate with actor and target", async () => {
    const hebei = actors.hebei!;
    const u = await createUser(hebei, input({ username: "audited.user" }));
    await updateUser(hebei, { id: u.id, name: "改名", role: "STAFF", phone: "" });
    await updateUser(hebei, { id: u.id, name: "改名", role: "CHAIR", phone: "" });
    await resetPassword(hebei, { id: u.id, password: "Reset.Pass9", confirm: "Reset.Pass9" });
    await setUserActive(hebei, { id: u.id, active: false });
    await setUserActive(hebei, { id: u.id, active: true });
    const rows = await auditOf(u.id);
    expect(rows.map((r) => r.action)).toEqual([
      "user.create",
      "user.update",
      "user.update",
      "user.role",
      "password.reset",
      "user.deactivate",
      "user.activate",
    ]);
    expect(rows.every((r) => r.actorId === hebei.id && r.outcome === "SUCCESS")).toBe(true);
    expect(rows[3]!.detail).toEqual({ username: "audited.user", from: "STAFF", to: "CHAIR" });
    expect(JSON.stringify(rows)).not.toContain("Reset.Pass9");
    // A refused change leaves no success row.
    await codeOf(updateUser(actors.hubei!, { id: u.id, name: "x", role: "STAFF", phone: "" }));
    expect(await auditOf(u.id)).toHaveLength(rows.length);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
