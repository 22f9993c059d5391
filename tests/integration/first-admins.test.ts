import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/features/auth/server/verify-credentials";
import { ZPassword } from "@/features/users/schemas";
import { LOGIN_SLOWDOWN } from "@/lib/auth/throttle";
import { wantDemoUsers } from "@/prisma/seed/demo-users";
import { createFirstAdmins, FIRST_ADMINS } from "@/prisma/seed/first-admins";
import { seedAll } from "@/prisma/seed/seed-all";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
const meta = { ip: "10.2.2.2", userAgent: "test" };

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: false });
  LOGIN_SLOWDOWN.maxMs = 0;
});
afterAll(() => t.close());

describe("demo accounts belong to the embedded demo only", () => {
  it("PGlite seeds them, PostgreSQL does not, whatever NODE_ENV says; SEED_DEMO_USERS decides when set", () => {
    for (const NODE_ENV of [undefined, "production", "development"]) {
      expect(wantDemoUsers({ NODE_ENV }, false)).toBe(true);
      expect(wantDemoUsers({ NODE_ENV }, true)).toBe(false);
      expect(wantDemoUsers({ NODE_ENV, SEED_DEMO_USERS: "1" }, true)).toBe(true);
      expect(wantDemoUsers({ NODE_ENV, SEED_DEMO_USERS: "0" }, false)).toBe(false);
    }
  });
});

describe("admin:init creates the first administrators", () => {
  it("one per 三员 role at the national org, random one-time passwords that must be changed", async () => {
    const created = await createFirstAdmins(t.db);
    expect(created.map((a) => a.role).sort()).toEqual(["ADMIN", "AUDITOR", "SECURITY_ADMIN"]);
    const rows = await t.db.user.findMany({ include: { org: true }, orderBy: { username: "asc" } });
    expect(rows.map((r) => [r.username, r.org.code, r.org.parentId, r.mustChangePassword])).toEqual(
      FIRST_ADMINS.map((a) => [a.username, "000000", null, true]).sort(),
    );
    expect(new Set(created.map((a) => a.password)).size).toBe(3);
    for (const a of created) {
      expect(ZPassword.safeParse(a.password).success).toBe(true);
      expect(a.password.toLowerCase()).not.toContain(a.username);
      expect(await verifyCredentials({ username: a.username, password: a.password }, meta)).not.toBeNull();
    }
    expect(await t.db.auditEvent.count({ where: { action: "user.create", actorName: "admin:init" } })).toBe(
      3,
    );
  });

  it("refuses, changing nothing, when any of the accounts exists", async () => {
    const before = await t.db.user.findMany({ select: { username: true, passwordHash: true } });
    await expect(createFirstAdmins(t.db)).rejects.toThrow(/already exist: (sysadmin|secadmin|auditor)/);
    await expect(
      createFirstAdmins(t.db, [{ username: "another", name: "x", role: "ADMIN" }, FIRST_ADMINS[1]!]),
    ).rejects.toThrow(/secadmin/);
    expect(await t.db.user.findMany({ select: { username: true, passwordHash: true } })).toEqual(before);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "the documented command prints each password once; a rerun refuses",
    async () => {
      const fresh = await createTestDb();
      try {
        await seedAll(fresh.db, { demoUsers: false });
        const run = () =>
          promisify(execFile)("npm", ["run", "--silent", "admin:init"], {
            env: { ...process.env, DATABASE_URL: fresh.url! },
            timeout: 90_000,
          });
        const { stdout } = await run();
        const lines = stdout.split("\n").filter((l) => /^\s+(ADMIN|SECURITY_ADMIN|AUDITOR)\s/.test(l));
        expect(lines).toHaveLength(3);
        const [, , password] = lines
          .find((l) => l.includes("secadmin"))!
          .trim()
          .split(/\s+/);
        expect(await verifyCredentials({ username: "secadmin", password: password! }, meta)).not.toBeNull();
        const again = await run().then(
          () => "exit 0",
          (e: { stderr: string; code: number }) => `exit ${e.code}: ${e.stderr.trim().split("\n")[0]}`,
        );
        expect(again).toMatch(/^exit 1: admin:init refused: already exist/);
      } finally {
        await fresh.close();
      }
    },
  );
});
