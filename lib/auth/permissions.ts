// Permissions are data: the RolePermission table holds the live mapping; this
// file names the permissions and gives the default mapping the seed writes.
export const PERMISSIONS = [
  "objective:read",
  "org:read",
  "user:manage",
  "task:assign",
  "task:review",
  "task:claim",
  "task:handle",
  "task:staff",
  "progress:log",
  "report:read",
  "system:admin",
  // 安全管理员: roles and permissions, security settings, account unlocks.
  "security:manage",
  // 安全审计员: reads and exports the audit trail.
  "audit:read",
  // Receives the notifications addressed to the user's org (new tasks, nudges, reminders …).
  "notification:receiveOrg",
  // Keeps the org tree current: grassroots unions (create, import, rename, move, merge, close).
  "org:manage",
  // Imports, edits and retires plans (congress reports, yearly 工作要点) issued by the user's org.
  "plan:manage",
  // 考评: defines its org's schemes, scores and publishes them; as a scored unit, reads its own
  // sheet and raises objections (申诉).
  "assessment:manage",
] as const;

export type TPermission = (typeof PERMISSIONS)[number];
export const ROLES = ["ADMIN", "MANAGER", "CHAIR", "STAFF", "SECURITY_ADMIN", "AUDITOR"] as const;
export type TRole = (typeof ROLES)[number];

/** 三员分立: the three administrator roles. Each holds exactly one of the admin permission groups. */
export const ADMIN_ROLES = ["ADMIN", "SECURITY_ADMIN", "AUDITOR"] as const satisfies readonly TRole[];
/** The business roles (督办员, 主席, 干部). */
export const BUSINESS_ROLES = ["MANAGER", "CHAIR", "STAFF"] as const satisfies readonly TRole[];
/** One per administrator; no role may hold two, and business roles hold none. */
export const ADMIN_PERMISSION_GROUPS = ["system:admin", "security:manage", "audit:read"] as const;

export const DEFAULT_ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  // 系统管理员: accounts and orgs only (no task, report, security or audit powers).
  ADMIN: ["org:read", "org:manage", "user:manage", "system:admin"],
  MANAGER: [
    "objective:read",
    "org:read",
    "user:manage",
    "task:assign",
    "task:review",
    "task:handle",
    "report:read",
    "notification:receiveOrg",
    "org:manage",
    "plan:manage",
    "assessment:manage",
  ],
  CHAIR: [
    "objective:read",
    "org:read",
    "user:manage",
    "task:claim",
    "task:handle",
    "task:staff",
    "progress:log",
    "notification:receiveOrg",
  ],
  STAFF: ["objective:read", "org:read", "progress:log"],
  // 安全管理员: role permissions, security settings, unlocks, and the accounts of the three administrators.
  SECURITY_ADMIN: ["user:manage", "security:manage"],
  // 安全审计员: reads and exports the audit trail, nothing else.
  AUDITOR: ["audit:read"],
};

/**
 * Whose accounts a role manages (create, edit, role, activation, password reset): roles in the
 * actor's own org (`own`) and roles in orgs strictly below it (`below`). Managers are created and
 * changed only from a higher org or by the 系统管理员, never by a peer (finding 5). The 系统管理员 keeps
 * business accounts only; the accounts of the three administrators belong to the 安全管理员. Nobody
 * manages their own account's role or activation (checked where the change is made).
 */
export const MANAGEABLE_ROLES: Record<TRole, { own: readonly TRole[]; below: readonly TRole[] }> = {
  ADMIN: { own: BUSINESS_ROLES, below: BUSINESS_ROLES },
  SECURITY_ADMIN: { own: ADMIN_ROLES, below: ADMIN_ROLES },
  MANAGER: { own: ["CHAIR", "STAFF"], below: BUSINESS_ROLES },
  CHAIR: { own: ["STAFF"], below: [] },
  STAFF: { own: [], below: [] },
  AUDITOR: { own: [], below: [] },
};

/** Which roles a user of `role` may give to accounts they manage (in its own org or below). */
export const GRANTABLE_ROLES = Object.fromEntries(
  ROLES.map((r) => [
    r,
    ROLES.filter((x) => MANAGEABLE_ROLES[r].own.includes(x) || MANAGEABLE_ROLES[r].below.includes(x)),
  ]),
) as unknown as Record<TRole, readonly TRole[]>;

/** The roles `actor` may give to an account in the actor's own org (`sameOrg`) or in an org below it. */
export function grantableRolesAt(actor: TRole, sameOrg: boolean): readonly TRole[] {
  return sameOrg ? MANAGEABLE_ROLES[actor].own : MANAGEABLE_ROLES[actor].below;
}

/**
 * Why a role → permission table cannot be saved, or null: a role holding two of the admin permission
 * groups, or a business role holding any of them.
 */
export function permissionTableProblem(
  table: Readonly<Partial<Record<TRole, readonly TPermission[]>>>,
): { role: TRole; reason: "twoAdminGroups" | "businessAdmin" } | null {
  for (const role of ROLES) {
    const groups = (table[role] ?? []).filter((p) =>
      (ADMIN_PERMISSION_GROUPS as readonly string[]).includes(p),
    );
    if (groups.length > 1) return { role, reason: "twoAdminGroups" };
    if (groups.length && (BUSINESS_ROLES as readonly TRole[]).includes(role))
      return { role, reason: "businessAdmin" };
  }
  return null;
}

export function isPermission(p: string): p is TPermission {
  return (PERMISSIONS as readonly string[]).includes(p);
}

/** Resolve a role's permission set from RolePermission rows; unknown names are ignored. */
export function resolvePermissions(
  rows: readonly { role: string; permission: string }[],
  role: TRole,
): ReadonlySet<TPermission> {
  const set = new Set<TPermission>();
  for (const r of rows) if (r.role === role && isPermission(r.permission)) set.add(r.permission);
  return set;
}

export function canGrantRole(actor: TRole, target: TRole): boolean {
  return GRANTABLE_ROLES[actor].includes(target);
}
