import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/features/auth/server/verify-credentials";
import { ZCreateUser } from "@/features/users/schemas";
import { createUser } from "@/features/users/server/create-user";
import { findManagedUser } from "@/features/users/server/find-managed-user";
import { listUsers } from "@/features/users/server/list-users";
import { resetPassword, setUserActive, updateUser } from "@/features/users/server/update-user";
import type { TActor } from "@/features/users/server/actor";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-users";
import { seedAll } from "@/prisma/seed/seed-all";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
const actors: Record<string, TActor> = {};
const orgIds = new Map<string, number>();
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  for (const u of await t.db.user.findMany({ select: { id: true, username: true, role: true, orgId: true } }))
    actors[u.username] = u;
  for (const o of await t.db.org.findMany({ where: { code: { in: ["130123", "420106", "1301230001"] } } }))
    orgIds.set(o.code, o.id);
});
afterAll(() => t.close());

/** A create-user input; `orgCode` names the org as the picker would choose it (by id). */
const input = ({ orgCode = "130123", ...over }: Partial<Record<string, string>> = {}) =>
  ZCreateUser.parse({
    username: "new.user",
    name: "新用户",
    role: "STAFF",
    orgId: orgIds.get(orgCode),
    phone: "",
    password: "Abc12345",
    ...over,
  });

const code = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { code?: string }) => e.code ?? String(e),
  );

describe("user management within the org subtree", () => {
  it("a provincial manager creates an account in a county of its province", async () => {
    const u = await createUser(actors.hebei!, input({ username: "Zd.Staff2" }));
    const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id }, include: { org: true } });
    expect(row.org.code).toBe("130123");
    expect(row.createdById).toBe(actors.hebei!.id);
    expect(await verifyCredentials({ username: "zd.staff2", password: "Abc12345" })).toMatchObject({
      username: "zd.staff2",
    });
  });

  it("refuses an org outside the subtree, a role above the actor's and a taken username", async () => {
    expect(await code(createUser(actors.hebei!, input({ username: "xx1", orgCode: "420106" })))).toBe(
      "VALIDATION",
    );
    expect(await code(createUser(actors.hebei!, input({ username: "xx2", role: "ADMIN" })))).toBe(
      "ROLE_NOT_ALLOWED",
    );
    expect(
      await code(
        createUser(actors["hengda.chair"]!, input({ username: "xx3", role: "CHAIR", orgCode: "1301230001" })),
      ),
    ).toBe("ROLE_NOT_ALLOWED");
    expect(await code(createUser(actors.hebei!, input({ username: "hubei" })))).toBe("USERNAME_TAKEN");
    expect(await t.db.user.count({ where: { username: { in: ["xx1", "xx2", "xx3"] } } })).toBe(0);
  });

  it("a manager from another province can neither see nor change an account", async () => {
    const target = actors["zhengding.staff"]!;
    expect(await code(findManagedUser(actors.hubei!, target.id))).toBe("NOT_FOUND");
    expect(
      await code(updateUser(actors.hubei!, { id: target.id, name: "x", role: "STAFF", phone: "" })),
    ).toBe("NOT_FOUND");
    expect(
      await code(resetPassword(actors.hubei!, { id: target.id, password: "zzz12345", confirm: "zzz12345" })),
    ).toBe("NOT_FOUND");
    expect(await code(setUserActive(actors.hubei!, { id: target.id, active: false }))).toBe("NOT_FOUND");
    const row = await t.db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.name).toBe("正定县总工会干部");
    expect(row.active).toBe(true);
    const listed = await listUsers(actors.hubei!, {});
    expect(listed.items.some((u) => u.id === target.id)).toBe(false);
    expect(listed.items.every((u) => u.org.name.includes("湖北") || u.org.name.includes("武汉"))).toBe(true);
  });

  it("a manager cannot manage an admin even inside its subtree", async () => {
    expect(await code(findManagedUser(actors.acftu!, actors.admin!.id))).toBe("NOT_FOUND");
  });

  it("reset password and deactivation take effect at sign-in", async () => {
    const target = actors["zhengding.staff"]!;
    await resetPassword(actors.zhengding!, { id: target.id, password: "newpass123", confirm: "newpass123" });
    expect(await verifyCredentials({ username: "zhengding.staff", password: DEMO_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ username: "zhengding.staff", password: "newpass123" })).not.toBeNull();
    await setUserActive(actors.zhengding!, { id: target.id, active: false });
    expect(await verifyCredentials({ username: "zhengding.staff", password: "newpass123" })).toBeNull();
    expect(await code(setUserActive(actors.zhengding!, { id: actors.zhengding!.id, active: false }))).toBe(
      "FORBIDDEN",
    );
  });

  it("changing one's own role is refused", async () => {
    expect(
      await code(updateUser(actors.hebei!, { id: actors.hebei!.id, name: "河北", role: "STAFF", phone: "" })),
    ).toBe("FORBIDDEN");
  });

  it("wrong passwords and unknown users get the same answer", async () => {
    expect(await verifyCredentials({ username: "hebei", password: "wrong-password" })).toBeNull();
    expect(await verifyCredentials({ username: "nobody", password: DEMO_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ username: "HEBEI", password: DEMO_PASSWORD })).toMatchObject({
      username: "hebei",
    });
  });
});
