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
] as const;

export type TPermission = (typeof PERMISSIONS)[number];
export const ROLES = ["ADMIN", "MANAGER", "CHAIR", "STAFF", "SECURITY_ADMIN", "AUDITOR"] as const;
export type TRole = (typeof ROLES)[number];

export const DEFAULT_ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  // Everything except acting as the recipient of the national org's task notifications and the other
  // two administrators' work. (三员分立 is finished in issue 12's roles work.)
  ADMIN: PERMISSIONS.filter((p) => !["notification:receiveOrg", "security:manage", "audit:read"].includes(p)),
  MANAGER: [
    "objective:read",
    "org:read",
    "user:manage",
    "task:assign",
    "task:review",
    "task:handle",
    "report:read",
    "notification:receiveOrg",
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
  SECURITY_ADMIN: ["security:manage"],
  AUDITOR: ["audit:read"],
};

/** Which roles a user of `role` may give to accounts they manage. */
export const GRANTABLE_ROLES: Record<TRole, readonly TRole[]> = {
  ADMIN: ROLES,
  MANAGER: ["MANAGER", "CHAIR", "STAFF"],
  CHAIR: ["STAFF"],
  STAFF: [],
  SECURITY_ADMIN: [],
  AUDITOR: [],
};

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
