import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditWhere } from "@/features/audit/server/audit-where";
import { listAudit } from "@/features/audit/server/list-audit";
import { getPermissionTable } from "@/features/role-permissions/server/get-permission-table";
import { savePermissionTable } from "@/features/role-permissions/server/save-permission-table";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { DEFAULT_ROLE_PERMISSIONS, resolvePermissions, type TRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  authorize: async (permission: string) => {
    const u = session.user as TTestActor | null;
    if (!u) throw new AppError("UNAUTHENTICATED");
    if (!u.permissions.has(permission as never)) throw new AppError("FORBIDDEN");
    return u;
  },
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
const { GET: exportRoute } = await import("@/app/api/audit/export/route");

let t: TTestDb;
const actor = (id: number, username: string, role: TRole): TTestActor => {
  const rows = DEFAULT_ROLE_PERMISSIONS[role].map((permission) => ({ role, permission }));
  return { id, username, role, orgId: 1, orgName: "", permissions: resolvePermissions(rows, role) };
};
const sec = actor(9001, "sec.admin", "SECURITY_ADMIN");
const auditor = actor(9002, "sec.auditor", "AUDITOR");
const admin = actor(9003, "admin", "ADMIN");

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: false });
});
afterAll(() => t.close());

const copy = (table: Record<TRole, readonly string[]>) =>
  Object.fromEntries(Object.entries(table).map(([r, ps]) => [r, [...ps]])) as never;

describe("the role → permission table (三员分立)", () => {
  it("refuses combined administrator groups, admin powers for business roles and changes to one's own role", async () => {
    const before = await getPermissionTable();
    const combined = copy(before);
    (combined as Record<TRole, string[]>).ADMIN.push("audit:read");
    expect(await codeOf(savePermissionTable(sec, combined))).toBe("VALIDATION");
    const business = copy(before);
    (business as Record<TRole, string[]>).MANAGER.push("security:manage");
    expect(await codeOf(savePermissionTable(sec, business))).toBe("VALIDATION");
    const own = copy(before);
    (own as Record<TRole, string[]>).SECURITY_ADMIN.push("org:read");
    expect(await codeOf(savePermissionTable(sec, own))).toBe("FORBIDDEN");
    expect(await getPermissionTable()).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { action: "permission.change" } })).toBe(0);
  });

  it("saves a change in one go and records exactly what changed", async () => {
    const next = copy(await getPermissionTable()) as Record<TRole, string[]>;
    next.STAFF = next.STAFF.filter((p) => p !== "org:read");
    next.CHAIR.push("report:read");
    expect(await savePermissionTable(sec, next as never)).toEqual({
      added: ["CHAIR:report:read"],
      removed: ["STAFF:org:read"],
    });
    const live = await getPermissionTable();
    expect(live.STAFF).not.toContain("org:read");
    expect(live.CHAIR).toContain("report:read");
    const [row] = await t.db.auditEvent.findMany({ where: { action: "permission.change" } });
    expect(row).toMatchObject({
      actorId: sec.id,
      actorName: "sec.admin",
      detail: { added: ["CHAIR:report:read"], removed: ["STAFF:org:read"] },
    });
  });
});

describe("the audit page's query and export", () => {
  it("filters by action, actor, outcome, target and days in China, newest first, with a cursor", async () => {
    const meta = { ip: "1.2.3.4", userAgent: "t" };
    for (let i = 0; i < 5; i++)
      await recordAudit({
        action: "user.update",
        actor: { id: 1, username: "hebei" },
        target: { type: "user", id: 100 + i },
        meta,
      });
    await recordAudit({ action: "auth.login", outcome: "FAILURE", actorName: "nobody", meta });
    const updates = await listAudit({ action: "user.update", actor: "hebei" }, 2);
    expect(updates.items.map((r) => r.targetId)).toEqual(["104", "103"]);
    const next = await listAudit({ action: "user.update", actor: "hebei", cursor: updates.nextCursor! }, 2);
    expect(next.items.map((r) => r.targetId)).toEqual(["102", "101"]);
    expect((await listAudit({ outcome: "FAILURE" })).items.map((r) => r.actorName)).toEqual(["nobody"]);
    expect((await listAudit({ target: "user:102" })).items).toHaveLength(1);
    expect((await listAudit({ target: "102" })).items).toHaveLength(1);
    // A China day runs from 16:00 UTC the day before.
    expect(auditWhere({ from: "2026-12-03", to: "2026-12-03" })).toEqual({
      AND: [
        { at: { gte: new Date("2026-12-02T16:00:00.000Z") } },
        { at: { lt: new Date("2026-12-03T16:00:00.000Z") } },
      ],
    });
    expect((await listAudit({ from: "2000-01-01", to: "2000-01-02" })).items).toEqual([]);
  });

  it("exports the filtered rows for the auditor only and records the export with its filter", async () => {
    session.user = admin;
    expect((await exportRoute(new Request("http://x/api/audit/export?format=csv"))).status).toBe(403);
    session.user = sec;
    expect((await exportRoute(new Request("http://x/api/audit/export?format=csv"))).status).toBe(403);
    session.user = auditor;
    const bad = await exportRoute(new Request("http://x/api/audit/export?format=pdf"));
    expect([bad.status, await bad.json()]).toEqual([
      400,
      { code: "VALIDATION", fieldErrors: { format: "invalid" } },
    ]);
    const res = await exportRoute(
      new Request("http://x/api/audit/export?format=csv&action=user.update&actor=hebei&target=user:103"),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("序号,时间,操作,结果,操作人,来源地址,对象,详情,客户端");
    expect(lines[1]).toContain(",user.update,成功,hebei,1.2.3.4,user:103,");
    const [exp] = await t.db.auditEvent.findMany({ where: { action: "audit.export" } });
    expect(exp).toMatchObject({
      actorName: "sec.auditor",
      detail: { format: "csv", filter: { action: "user.update", actor: "hebei", target: "user:103" } },
    });
    const xlsx = await exportRoute(new Request("http://x/api/audit/export?format=xlsx"));
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
