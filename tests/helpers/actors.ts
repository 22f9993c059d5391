import { DEFAULT_ROLE_PERMISSIONS, resolvePermissions, type TRole } from "@/lib/auth/permissions";
import type { TDb } from "@/lib/db/client";

export type TTestActor = {
  id: number;
  username: string;
  orgId: number;
  orgName: string;
  role: TRole;
  permissions: ReadonlySet<(typeof DEFAULT_ROLE_PERMISSIONS)["ADMIN"][number]>;
};

/** Session-shaped actors for every user, keyed by username (as lib/auth/session.ts builds them). */
export async function loadActors(db: TDb): Promise<Record<string, TTestActor>> {
  const rows = (Object.keys(DEFAULT_ROLE_PERMISSIONS) as TRole[]).flatMap((role) =>
    DEFAULT_ROLE_PERMISSIONS[role].map((permission) => ({ role, permission })),
  );
  const users = await db.user.findMany({
    select: { id: true, username: true, role: true, orgId: true, org: { select: { name: true } } },
  });
  return Object.fromEntries(
    users.map((u) => [
      u.username,
      {
        id: u.id,
        username: u.username,
        orgId: u.orgId,
        orgName: u.org.name,
        role: u.role,
        permissions: resolvePermissions(rows, u.role),
      },
    ]),
  );
}

/** The error code a promise rejects with, or "OK". */
export const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { code?: string }) => e.code ?? String(e),
  );
