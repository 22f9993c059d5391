import { describe, expect, it } from "vitest";
import { DEFAULT_ROLE_PERMISSIONS, ROLES, canGrantRole, resolvePermissions } from "./permissions";

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

  it("defaults: only managers and admins assign and review; staff only log progress", () => {
    const has = (role: (typeof ROLES)[number], p: string) =>
      (DEFAULT_ROLE_PERMISSIONS[role] as readonly string[]).includes(p);
    expect(ROLES.filter((r) => has(r, "task:assign"))).toEqual(["ADMIN", "MANAGER"]);
    expect(ROLES.filter((r) => has(r, "task:review"))).toEqual(["ADMIN", "MANAGER"]);
    expect(ROLES.filter((r) => has(r, "user:manage"))).toEqual(["ADMIN", "MANAGER", "CHAIR"]);
    expect(DEFAULT_ROLE_PERMISSIONS.STAFF).toEqual(["objective:read", "org:read", "progress:log"]);
    expect(ROLES.filter((r) => has(r, "task:handle"))).toEqual(["ADMIN", "MANAGER", "CHAIR"]);
    expect(ROLES.filter((r) => has(r, "task:claim"))).toEqual(["ADMIN", "CHAIR"]);
    expect(ROLES.filter((r) => has(r, "notification:receiveOrg"))).toEqual(["MANAGER", "CHAIR"]);
  });
});

describe("canGrantRole", () => {
  it("never lets a role grant a role above itself", () => {
    expect(canGrantRole("ADMIN", "ADMIN")).toBe(true);
    expect(canGrantRole("MANAGER", "ADMIN")).toBe(false);
    expect(canGrantRole("MANAGER", "CHAIR")).toBe(true);
    expect(canGrantRole("CHAIR", "MANAGER")).toBe(false);
    expect(canGrantRole("CHAIR", "STAFF")).toBe(true);
    expect(ROLES.some((r) => canGrantRole("STAFF", r))).toBe(false);
  });
});
