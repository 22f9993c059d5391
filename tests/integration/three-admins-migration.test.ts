import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, type TRole } from "@/lib/auth/permissions";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// An existing deployment holds the old table (the 系统管理员 with every business power) as data,
// which seeding never removes: the migration must take those powers away.
let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb({ before: "20261203180000_audit_chain_three_admins" });
  const old: [TRole, string][] = [
    ...PERMISSIONS.filter(
      // Permissions that did not exist yet when this migration was written are left out.
      (p) =>
        !["notification:receiveOrg", "security:manage", "audit:read", "org:manage", "plan:manage"].includes(
          p,
        ),
    ).map((p) => ["ADMIN", p] as [TRole, string]),
    ["MANAGER", "task:assign"],
    ["MANAGER", "audit:read"],
    ["AUDITOR", "audit:read"],
    ["AUDITOR", "org:read"],
    ["SECURITY_ADMIN", "security:manage"],
  ];
  await t.db.rolePermission.createMany({ data: old.map(([role, permission]) => ({ role, permission })) });
  await t.migrateRest();
});
afterAll(() => t.close());

it("leaves the 系统管理员 accounts and orgs only, and no admin power with a business role", async () => {
  const rows = await t.db.rolePermission.findMany();
  const of = (role: TRole) =>
    rows
      .filter((r) => r.role === role)
      .map((r) => r.permission)
      .sort();
  expect(of("ADMIN")).toEqual([...DEFAULT_ROLE_PERMISSIONS.ADMIN].sort());
  expect(of("MANAGER")).toContain("task:assign");
  expect(of("MANAGER")).not.toContain("audit:read");
  expect(of("AUDITOR")).toEqual(["audit:read"]);
  expect(of("SECURITY_ADMIN")).toEqual(["security:manage", "user:manage"]);
});

it("makes the audit trail append-only", async () => {
  const triggers = await t.db.$queryRaw<{ tgname: string }[]>`
    SELECT tgname FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY tgname`;
  expect(triggers.map((r) => r.tgname)).toEqual(["AuditEvent_no_truncate", "AuditEvent_no_update_delete"]);
});
