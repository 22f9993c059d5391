import { describe, expect, it } from "vitest";
import {
  DEFAULT_ROLE_PERMISSIONS,
  GRANTABLE_ROLES,
  PERMISSIONS,
  ROLES,
  canGrantRole,
  grantableRolesAt,
  permissionTableProblem,
  resolvePermissions,
  type TPermission,
  type TRole,
} from "./permissions";

describe("resolvePermissions", () => {
  const rows = [
    { role: "MANAGER", permission: "task:assign" },
    { role: "MANAGER", permission: "no:such-permission" },
    { role: "STAFF", permission: "progress:log" },
  ];

  it("keeps only the role's own, known permissions", () => {
    expect([...resolvePermissions(rows, "MANAGER")]).toEqual(["task:assign"]);
    expect([...resolvePermissions(rows, "STAFF")]).toEqual(["progress:log"]);
    expect(resolvePermissions(rows, "CHAIR").size).toBe(0);
  });
});

// The default table written out independently, role by role (x = granted).
// prettier-ignore
const TABLE: Record<TPermission, Record<TRole, 0 | 1>> = {
  "objective:read":          { ADMIN: 0, MANAGER: 1, CHAIR: 1, STAFF: 1, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "org:read":                { ADMIN: 1, MANAGER: 1, CHAIR: 1, STAFF: 1, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "user:manage":             { ADMIN: 1, MANAGER: 1, CHAIR: 1, STAFF: 0, SECURITY_ADMIN: 1, AUDITOR: 0 },
  "task:assign":             { ADMIN: 0, MANAGER: 1, CHAIR: 0, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "task:review":             { ADMIN: 0, MANAGER: 1, CHAIR: 0, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "task:claim":              { ADMIN: 0, MANAGER: 0, CHAIR: 1, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "task:handle":             { ADMIN: 0, MANAGER: 1, CHAIR: 1, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "task:staff":              { ADMIN: 0, MANAGER: 0, CHAIR: 1, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "progress:log":            { ADMIN: 0, MANAGER: 0, CHAIR: 1, STAFF: 1, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "report:read":             { ADMIN: 0, MANAGER: 1, CHAIR: 0, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "system:admin":            { ADMIN: 1, MANAGER: 0, CHAIR: 0, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "security:manage":         { ADMIN: 0, MANAGER: 0, CHAIR: 0, STAFF: 0, SECURITY_ADMIN: 1, AUDITOR: 0 },
  "audit:read":              { ADMIN: 0, MANAGER: 0, CHAIR: 0, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 1 },
  "notification:receiveOrg": { ADMIN: 0, MANAGER: 1, CHAIR: 1, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "org:manage":              { ADMIN: 1, MANAGER: 1, CHAIR: 0, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "plan:manage":             { ADMIN: 0, MANAGER: 1, CHAIR: 0, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 0 },
  "assessment:manage":       { ADMIN: 0, MANAGER: 1, CHAIR: 0, STAFF: 0, SECURITY_ADMIN: 0, AUDITOR: 0 },
};

describe("DEFAULT_ROLE_PERMISSIONS", () => {
  it("is exactly the table above", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...PERMISSIONS].sort());
    for (const role of ROLES) {
      const expected = PERMISSIONS.filter((p) => TABLE[p][role] === 1);
      expect([...DEFAULT_ROLE_PERMISSIONS[role]].sort(), role).toEqual([...expected].sort());
    }
  });

  it("passes its own separation rule", () => {
    expect(permissionTableProblem(DEFAULT_ROLE_PERMISSIONS)).toBeNull();
  });
});

describe("permissionTableProblem (三员分立)", () => {
  it("refuses two admin groups in one role and any admin group in a business role", () => {
    expect(permissionTableProblem({ ADMIN: ["system:admin", "audit:read"] })).toEqual({
      role: "ADMIN",
      reason: "twoAdminGroups",
    });
    expect(permissionTableProblem({ AUDITOR: ["audit:read", "security:manage"] })).toEqual({
      role: "AUDITOR",
      reason: "twoAdminGroups",
    });
    expect(permissionTableProblem({ MANAGER: ["task:assign", "audit:read"] })).toEqual({
      role: "MANAGER",
      reason: "businessAdmin",
    });
    expect(permissionTableProblem({ STAFF: ["system:admin"] })?.reason).toBe("businessAdmin");
    expect(permissionTableProblem({ SECURITY_ADMIN: ["security:manage", "org:read"] })).toBeNull();
  });
});

describe("who grants which role", () => {
  // [actor, role, in the actor's own org, in an org below]
  // prettier-ignore
  const CASES: [TRole, TRole, boolean, boolean][] = [
    ["ADMIN", "ADMIN", false, false],
    ["ADMIN", "SECURITY_ADMIN", false, false],
    ["ADMIN", "AUDITOR", false, false],
    ["ADMIN", "MANAGER", true, true],
    ["ADMIN", "STAFF", true, true],
    ["SECURITY_ADMIN", "ADMIN", true, true],
    ["SECURITY_ADMIN", "SECURITY_ADMIN", true, true],
    ["SECURITY_ADMIN", "AUDITOR", true, true],
    ["SECURITY_ADMIN", "MANAGER", false, false],
    ["SECURITY_ADMIN", "STAFF", false, false],
    ["MANAGER", "MANAGER", false, true],
    ["MANAGER", "CHAIR", true, true],
    ["MANAGER", "STAFF", true, true],
    ["MANAGER", "ADMIN", false, false],
    ["MANAGER", "AUDITOR", false, false],
    ["CHAIR", "STAFF", true, false],
    ["CHAIR", "CHAIR", false, false],
    ["CHAIR", "MANAGER", false, false],
  ];
  it.each(CASES)("%s gives %s: own org %s, below %s", (...[actor, role, own, below]) => {
    expect(grantableRolesAt(actor, true).includes(role)).toBe(own);
    expect(grantableRolesAt(actor, false).includes(role)).toBe(below);
    expect(canGrantRole(actor, role)).toBe(own || below);
  });

  it("staff and auditors grant nothing", () => {
    for (const actor of ["STAFF", "AUDITOR"] as const) expect(GRANTABLE_ROLES[actor]).toEqual([]);
  });
});
