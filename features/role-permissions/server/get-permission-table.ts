import "server-only";
import { ROLES, isPermission, type TPermission, type TRole } from "@/lib/auth/permissions";
import { getDb, type TDb, type TTx } from "@/lib/db/client";

/** The live role → permission table (RolePermission rows), every role present, known names only. */
export async function getPermissionTable(db: TDb | TTx = getDb()): Promise<Record<TRole, TPermission[]>> {
  const rows = await db.rolePermission.findMany({ orderBy: [{ role: "asc" }, { permission: "asc" }] });
  const table = Object.fromEntries(ROLES.map((r) => [r, [] as TPermission[]])) as Record<
    TRole,
    TPermission[]
  >;
  for (const r of rows) if (isPermission(r.permission)) table[r.role].push(r.permission);
  return table;
}
