import { GRANTABLE_ROLES, type TRole } from "@/lib/auth/permissions";
import { perms, noOrgOutside, token, type TActionCase, type TCtx } from "./registry-kit";

// Registry entries: account actions (features/users/actions.ts).

const strongPassword = "Nw-Secret#2026b";
/**
 * The role of the account a caller manages in these cells: STAFF when the caller's role may grant it,
 * else the last role it may grant (for a role that manages only the administrators' accounts).
 */
const managedRole = (c: TCtx): TRole => {
  const grantable = GRANTABLE_ROLES[c.me.role];
  return grantable.includes("STAFF") ? "STAFF" : (grantable.at(-1) ?? "STAFF");
};
const managed = (c: TCtx, region: "own" | "other") => c.t.user(region, managedRole(c));
export const USER_ACTIONS: Record<string, TActionCase> = {
  createUserAction: {
    needs: perms("user:manage"),
    own: async (c) => ({
      username: `mx.new.${token().slice(0, 8)}`,
      name: "新干部",
      role: managedRole(c),
      orgId: c.w.orgs.own.held,
      phone: "",
      password: strongPassword,
    }),
    other: async (c) => ({
      username: `mx.new.${token().slice(0, 8)}`,
      name: "新干部",
      role: managedRole(c),
      orgId: c.w.orgs.other.held,
      phone: "",
      password: strongPassword,
    }),
    // An org outside the scope is a validation error; a role the caller may not give there, ROLE_NOT_ALLOWED.
    otherAlso: ["VALIDATION", "ROLE_NOT_ALLOWED"],
  },
  updateUserAction: {
    needs: perms("user:manage"),
    own: async (c) => ({ id: await managed(c, "own"), name: "改名用户", role: managedRole(c), phone: "" }),
    other: async (c) => ({
      id: await managed(c, "other"),
      name: "改名用户",
      role: managedRole(c),
      phone: "",
    }),
  },
  resetPasswordAction: {
    needs: perms("user:manage"),
    own: async (c) => ({ id: await managed(c, "own"), password: strongPassword, confirm: strongPassword }),
    other: async (c) => ({
      id: await managed(c, "other"),
      password: strongPassword,
      confirm: strongPassword,
    }),
  },
  setUserActiveAction: {
    needs: perms("user:manage"),
    own: async (c) => ({ id: await managed(c, "own"), active: false }),
    other: async (c) => ({ id: await managed(c, "other"), active: false }),
  },
  searchManagedOrgsAction: {
    needs: perms("user:manage"),
    own: async () => ({ q: "正定" }),
    other: async () => ({ q: "武" }),
    otherEmpty: noOrgOutside,
  },
  changeOwnPasswordAction: {
    needs: "signed-in",
    own: async (c) => ({ current: c.me.password, password: strongPassword, confirm: strongPassword }),
    other: { none: "changes the caller's own password only" },
    last: true,
    beforePasswordChange: true,
  },
};
