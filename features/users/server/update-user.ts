import "server-only";
import { canGrantRole } from "@/lib/auth/permissions";
import { setPassword } from "@/features/auth/server/set-password";
import { revokeUserSessions } from "@/lib/auth/user-sessions";
import { getDb, type TDb } from "@/lib/db/client";
import { adjustUserCount } from "@/features/organizations/server/org-counts";
import { AppError } from "@/lib/errors";
import { type TResetPassword, type TSetActive, type TUpdateUser } from "../schemas";
import type { TActor } from "./actor";
import { findManagedUser } from "./find-managed-user";

export async function updateUser(actor: TActor, input: TUpdateUser, db: TDb = getDb()) {
  const target = await findManagedUser(actor, input.id, db);
  if (target.id === actor.id && input.role !== target.role) throw new AppError("FORBIDDEN");
  if (target.id !== actor.id && !canGrantRole(actor.role, input.role))
    throw new AppError("ROLE_NOT_ALLOWED", { role: "role" });
  const updated = await db.user.update({
    where: { id: target.id },
    data: { name: input.name, role: input.role, phone: input.phone || null },
    select: { id: true },
  });
  // A new role ends the user's sessions: they sign in again under it.
  if (input.role !== target.role) await revokeUserSessions(target.id, db, { reason: "user.role", actor });
  return updated;
}

/** A manager sets someone's password, which that user must then change at sign-in (not one's own). */
export async function resetPassword(
  actor: TActor & { sessionId?: string | null },
  input: TResetPassword,
  db: TDb = getDb(),
) {
  const target = await findManagedUser(actor, input.id, db);
  const self = target.id === actor.id;
  const by = self
    ? target
    : await db.user.findUnique({ where: { id: actor.id }, select: { username: true } });
  await setPassword(
    {
      user: target,
      plain: input.password,
      kind: self ? "change" : "reset",
      actor: { id: actor.id, username: by?.username ?? "" },
      mustChange: !self,
    },
    db,
  );
  // Every session of the user ends (on one's own account: all but the current one).
  const keepSessionId = self ? actor.sessionId : null;
  await revokeUserSessions(target.id, db, { reason: "password.reset", actor, keepSessionId });
  return { id: target.id };
}

/** Deactivation keeps the account and its history; the user can no longer sign in. */
export async function setUserActive(actor: TActor, input: TSetActive, db: TDb = getDb()) {
  const target = await findManagedUser(actor, input.id, db);
  if (target.id === actor.id) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    // Only a real change moves the org counts (a repeated click changes nothing).
    const changed = await tx.user.updateMany({
      where: { id: target.id, active: !input.active },
      data: { active: input.active },
    });
    await adjustUserCount(tx, { orgId: target.org.id, delta: changed.count * (input.active ? 1 : -1) });
    if (!input.active) await revokeUserSessions(target.id, tx, { reason: "user.deactivate", actor });
    return { id: target.id, active: input.active };
  });
}
