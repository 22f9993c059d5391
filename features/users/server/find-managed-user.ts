import "server-only";
import { canGrantRole } from "@/lib/auth/permissions";
import { userScopeWhere } from "@/lib/auth/scope";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TActor } from "./actor";

/**
 * A user the actor may manage: inside the actor's subtree and holding a role the
 * actor could grant (a manager cannot touch an admin). Otherwise NOT_FOUND, so
 * that out-of-scope accounts are indistinguishable from missing ones.
 */
export async function findManagedUser(actor: TActor, id: number, db: TDb = getDb()) {
  const user = await db.user.findFirst({
    where: { id, ...userScopeWhere(actor) },
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      phone: true,
      active: true,
      org: { select: { id: true, code: true, name: true } },
    },
  });
  if (!user || (user.id !== actor.id && !canGrantRole(actor.role, user.role)))
    throw new AppError("NOT_FOUND");
  return user;
}
