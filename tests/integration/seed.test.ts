import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoBranches, buildFederationTree } from "@/features/organizations/lib/build-org-tree";
import { DEFAULT_ROLE_PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_USERS } from "@/prisma/seed/demo-users";
import { loadReportObjectives } from "@/prisma/seed/objectives";
import { seedAll } from "@/prisma/seed/seed-all";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
});
afterAll(() => t.close());

const countBy = async (level: "NATIONAL" | "PROVINCE" | "CITY" | "COUNTY" | "GRASSROOTS") =>
  t.db.org.count({ where: { level } });

describe("seed", () => {
  it("loads the whole org tree, level by level", async () => {
    const expected = [...buildFederationTree(), ...buildDemoBranches()];
    for (const level of ["NATIONAL", "PROVINCE", "CITY", "COUNTY", "GRASSROOTS"] as const) {
      expect(await countBy(level), level).toBe(expected.filter((o) => o.level === level).length);
    }
    expect(await countBy("PROVINCE")).toBe(31);
  });

  it("derives a correct materialised path for every org", async () => {
    const bad = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Org" c LEFT JOIN "Org" p ON p.id = c."parentId"
      WHERE c."ancestorIds"[cardinality(c."ancestorIds")] <> c.id
         OR c.depth <> cardinality(c."ancestorIds") - 1
         OR (p.id IS NOT NULL AND c."ancestorIds" <> p."ancestorIds" || c.id)`;
    expect(Number(bad[0]!.n)).toBe(0);
    const beijing = await t.db.org.findUniqueOrThrow({ where: { code: "110000" } });
    const chaoyang = await t.db.org.findUniqueOrThrow({ where: { code: "110105" } });
    expect(chaoyang.parentId).toBe(beijing.id);
    const xiantao = await t.db.org.findUniqueOrThrow({
      where: { code: "429004" },
      include: { parent: true },
    });
    expect(xiantao.parent?.code).toBe("420000");
    const hebei = await t.db.org.findUniqueOrThrow({ where: { code: "130000" } });
    const inHebei = await t.db.org.count({ where: { ancestorIds: { has: hebei.id } } });
    // GB/T 2260: the first two digits name the province, so this recount is independent of the path.
    expect(inHebei).toBe(
      [...buildFederationTree(), ...buildDemoBranches()].filter(
        (o) => o.level !== "NATIONAL" && o.code.startsWith("13"),
      ).length,
    );
  });

  it("loads the objective hierarchy with resolvable parents", async () => {
    const parsed = loadReportObjectives();
    expect(await t.db.objective.count()).toBe(parsed.length);
    expect(await t.db.objective.count({ where: { level: "MAIN_TASK" } })).toBe(6);
    // One measure per sentence of a sub-item paragraph: section 三 yields 82 (see parse-report.test.ts).
    expect(await t.db.objective.count({ where: { level: "MEASURE" } })).toBe(
      parsed.filter((o) => o.level === "MEASURE").length,
    );
    expect(await t.db.objective.count({ where: { level: "MEASURE" } })).toBe(82);
    const orphan = await t.db.objective.count({ where: { level: { not: "PLAN" }, parentId: null } });
    expect(orphan).toBe(0);
  });

  it("creates a demo account for every role at every level", async () => {
    const users = await t.db.user.findMany({
      select: { username: true, role: true, org: { select: { level: true } } },
    });
    expect(users.map((u) => u.username).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set(["ADMIN", "SECURITY_ADMIN", "AUDITOR", "MANAGER", "CHAIR", "STAFF"]),
    );
    // 三员分立: one of each administrator at the national org (the README lists them).
    const national = users.filter((u) => u.org.level === "NATIONAL" && u.role !== "MANAGER");
    expect(national.map((u) => `${u.username}:${u.role}`).sort()).toEqual([
      "admin:ADMIN",
      "auditor:AUDITOR",
      "secadmin:SECURITY_ADMIN",
    ]);
    expect(new Set(users.map((u) => u.org.level))).toEqual(
      new Set(["NATIONAL", "PROVINCE", "CITY", "COUNTY", "GRASSROOTS"]),
    );
  });

  it("the migrations grant exactly the default role → permission table", async () => {
    const rows = await t.db.rolePermission.findMany({ select: { role: true, permission: true } });
    const expected = ROLES.flatMap((r) => DEFAULT_ROLE_PERMISSIONS[r].map((p) => `${r}:${p}`));
    expect(rows.map((r) => `${r.role}:${r.permission}`).sort()).toEqual(expected.sort());
  });

  it("seeding again neither duplicates nor overwrites", async () => {
    const before = {
      orgs: await t.db.org.count(),
      objectives: await t.db.objective.count(),
      users: await t.db.user.count(),
      perms: await t.db.rolePermission.count(),
    };
    await t.db.user.update({
      where: { username: "hebei" },
      data: {
        name: "改过的名字",
        passwordHash: "$2b$10$abcdefghijklmnopqrstuuUZ8YqvJ0dO1Z6Hn0b6v5kz8aZ0xQJ6y",
      },
    });
    const extra = await t.db.org.create({
      data: {
        code: "1301239999",
        name: "自建工会",
        level: "GRASSROOTS",
        depth: 0,
        sortOrder: 99,
        ancestorIds: [],
      },
    });
    // The 安全管理员 took a default permission away: a restart must not give it back.
    await t.db.rolePermission.delete({
      where: { role_permission: { role: "MANAGER", permission: "task:assign" } },
    });
    await seedAll(t.db, { demoUsers: true });
    expect(await t.db.org.count()).toBe(before.orgs + 1);
    expect(await t.db.objective.count()).toBe(before.objectives);
    expect(await t.db.user.count()).toBe(before.users);
    expect(await t.db.rolePermission.count()).toBe(before.perms - 1);
    expect(await t.db.rolePermission.count({ where: { role: "MANAGER", permission: "task:assign" } })).toBe(
      0,
    );
    const hebei = await t.db.user.findUniqueOrThrow({
      where: { username: "hebei" },
      select: { name: true, passwordHash: true },
    });
    expect(hebei.name).toBe("改过的名字");
    expect(await verifyPassword("Demo@2026", hebei.passwordHash)).toBe(false);
    expect(await t.db.org.findUnique({ where: { id: extra.id } })).not.toBeNull();
  });
});
