import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { ROLES, permissionTableProblem, type TRole } from "@/lib/auth/permissions";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TPermissionTable } from "../schemas";
import { getPermissionTable } from "./get-permission-table";

type TActor = { id: number; username: string; role: TRole };

/**
 * Replaces the role → permission table in one transaction and records what changed
 * (permission.change). Refused: a role holding two of the administrator permission groups, a
 * business role holding any (三员分立), and any change to the actor's own role's permissions.
 */
export async function savePermissionTable(actor: TActor, table: TPermissionTable, db: TDb = getDb()) {
  const problem = permissionTableProblem(table);
  if (problem) throw new AppError("VALIDATION", { [`table.${problem.role}`]: problem.reason });
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`LOCK TABLE "RolePermission" IN SHARE ROW EXCLUSIVE MODE`;
    const before = await getPermissionTable(tx);
    const key = (role: string, p: string) => `${role}:${p}`;
    const had = new Set(ROLES.flatMap((r) => before[r].map((p) => key(r, p))));
    const wants = new Set(ROLES.flatMap((r) => [...new Set(table[r])].map((p) => key(r, p))));
    const added = [...wants].filter((k) => !had.has(k));
    const removed = [...had].filter((k) => !wants.has(k));
    if ([...added, ...removed].some((k) => k.startsWith(`${actor.role}:`))) throw new AppError("FORBIDDEN");
    if (!added.length && !removed.length) return { added, removed };
    for (const k of removed) {
      const [role, permission] = k.split(/:(.*)/s) as [TRole, string];
      await tx.rolePermission.delete({ where: { role_permission: { role, permission } } });
    }
    await tx.rolePermission.createMany({
      data: added.map((k) => {
        const [role, permission] = k.split(/:(.*)/s) as [TRole, string];
        return { role, permission };
      }),
    });
    await recordAudit(
      {
        action: "permission.change",
        actor,
        target: { type: "rolePermission", id: "table" },
        detail: { added, removed },
      },
      tx,
    );
    return { added, removed };
  });
}
