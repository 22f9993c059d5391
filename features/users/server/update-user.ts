import "server-only";
import { setPassword } from "@/features/auth/server/set-password";
import { adjustUserCount } from "@/features/organizations/server/org-counts";
import { recordAudit } from "@/lib/audit/record";
import { grantableRolesAt } from "@/lib/auth/permissions";
import { revokeUserSessions } from "@/lib/auth/user-sessions";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type TResetPassword, type TSetActive, type TUpdateUser } from "../schemas";
import type { TActor } from "./actor";
import { findManagedUser } from "./find-managed-user";

export async function updateUser(actor: TActor, input: TUpdateUser, db: TDb = getDb()) {
  const target = await findManagedUser(actor, input.id, db);
  const roleChanged = input.role !== target.role;
  // Nobody changes their own role; a manager never makes a peer in its own org a manager.
  if (target.id === actor.id && roleChanged) throw new AppError("FORBIDDEN");
  if (roleChanged && !grantableRolesAt(actor.role, target.org.id === actor.orgId).includes(input.role))
    throw new AppError("ROLE_NOT_ALLOWED", { role: "role" });
  return db.$transaction(async (tx) => {
    const result = await tx.user.update({
      where: { id: target.id },
      data: { name: input.name, role: input.role, phone: input.phone || null },
      select: { id: true },
    });
    const userTarget = { type: "user", id: target.id };
    await recordAudit(
      { action: "user.update", actor, target: userTarget, detail: { username: target.username } },
      tx,
    );
    if (roleChanged)
      await recordAudit(
        {
          action: "user.role",
          actor,
          target: userTarget,
          detail: { username: target.username, from: target.role, to: input.role },
        },
        tx,
      );
    // A new role ends the user's sessions: they sign in again under it.
    if (roleChanged) await revokeUserSessions(target.id, tx, { reason: "user.role", actor });
    return result;
  });
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
    await recordAudit(
      {
        action: input.active ? "user.activate" : "user.deactivate",
        actor,
        target: { type: "user", id: target.id },
        detail: { username: target.username, changed: changed.count > 0 },
      },
      tx,
    );
    return { id: target.id, active: input.active };
  });
}
