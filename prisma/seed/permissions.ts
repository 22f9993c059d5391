import { DEFAULT_ROLE_PERMISSIONS, ROLES } from "../../lib/auth/permissions";
import type { TDb } from "../../lib/db/client";

/** Writes the default role → permission table; existing rows are kept. */
export async function seedPermissions(db: TDb): Promise<number> {
  const data = ROLES.flatMap((role) =>
    DEFAULT_ROLE_PERMISSIONS[role].map((permission) => ({ role, permission })),
  );
  const res = await db.rolePermission.createMany({ data, skipDuplicates: true });
  return res.count;
}
