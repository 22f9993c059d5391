import "server-only";
import { adjustUserCount } from "@/features/organizations/server/org-counts";
import { recordAudit } from "@/lib/audit/record";
import { grantableRolesAt } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { OPEN_ORG_WHERE, orgScopeWhere } from "@/lib/auth/scope";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError, type TErrorCode } from "@/lib/errors";
import type { TCreateUser } from "../schemas";
import type { TActor } from "./actor";
import { assertUsernameProbeAllowed, refuseUnavailableUsername } from "./username-probe";

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/** Why the org or role cannot be used, each on its field (the code is the first one's). */
async function refusal(actor: TActor, input: TCreateUser, db: TDb): Promise<AppError | null> {
  const org = await db.org.findFirst({
    where: { id: input.orgId, ...orgScopeWhere(actor), ...OPEN_ORG_WHERE },
    select: { id: true },
  });
  const failed: [TErrorCode, string, string][] = [];
  // A manager gives the manager role only in orgs strictly below its own (never a peer).
  if (!grantableRolesAt(actor.role, input.orgId === actor.orgId).includes(input.role))
    failed.push(["ROLE_NOT_ALLOWED", "role", "role"]);
  if (!org) failed.push(["VALIDATION", "orgId", "org"]);
  if (!failed.length) return null;
  return new AppError(failed[0]![0], Object.fromEntries(failed.map(([, field, msg]) => [field, msg])));
}

/**
 * Creates an account in an org of the actor's subtree with a role the actor may give there. The
 * password is the manager's choice, so the user must change it at first sign-in. Whether a username
 * is free is only answered for an otherwise valid account, and only a few times an hour
 * (username-probe.ts).
 */
export async function createUser(actor: TActor, input: TCreateUser, db: TDb = getDb()) {
  const refused = await refusal(actor, input, db);
  if (refused) throw refused;
  await assertUsernameProbeAllowed(actor, db);
  if (await db.user.findUnique({ where: { username: input.username }, select: { id: true } }))
    return refuseUnavailableUsername(actor, input.username, db);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: input.username,
          name: input.name,
          role: input.role,
          phone: input.phone || null,
          orgId: input.orgId,
          passwordHash,
          mustChangePassword: true,
          createdById: actor.id,
        },
        select: { id: true, username: true },
      });
      await adjustUserCount(tx, { orgId: input.orgId, delta: 1 });
      await recordAudit(
        {
          action: "user.create",
          actor,
          target: { type: "user", id: user.id },
          detail: { username: user.username, role: input.role, orgId: input.orgId },
        },
        tx,
      );
      return user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) return refuseUnavailableUsername(actor, input.username, db);
    throw e;
  }
}
