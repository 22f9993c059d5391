import "server-only";
import { getDb, type TDb, type TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TActor } from "./actor";
import { managedUserWhere } from "./managed-where";

/**
 * The actor's own account or one the actor manages (managedUserWhere: in the actor's subtree, with a
 * role the actor manages there; a peer manager is not). Otherwise NOT_FOUND, so that out-of-scope
 * accounts are indistinguishable from missing ones.
 */
export async function findManagedUser(actor: TActor, id: number, db: TDb | TTx = getDb()) {
  const user = await db.user.findFirst({
    where: { id, OR: [{ id: actor.id }, managedUserWhere(actor)] },
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
  if (!user) throw new AppError("NOT_FOUND");
  return user;
}
