import "server-only";
import { canGrantRole } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { orgScopeWhere } from "@/lib/auth/scope";
import { getDb, type TDb } from "@/lib/db/client";
import { adjustUserCount } from "@/features/organizations/server/org-counts";
import { AppError, type TErrorCode } from "@/lib/errors";
import type { TCreateUser } from "../schemas";
import type { TActor } from "./actor";

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/** Every reason the input cannot be saved, each on its field (the code is the first one's). */
async function refusal(actor: TActor, input: TCreateUser, db: TDb): Promise<AppError | null> {
  const [org, taken] = await Promise.all([
    db.org.findFirst({ where: { id: input.orgId, ...orgScopeWhere(actor) }, select: { id: true } }),
    db.user.findUnique({ where: { username: input.username }, select: { id: true } }),
  ]);
  const failed: [TErrorCode, string, string][] = [];
  if (!canGrantRole(actor.role, input.role)) failed.push(["ROLE_NOT_ALLOWED", "role", "role"]);
  if (!org) failed.push(["VALIDATION", "orgId", "org"]);
  if (taken) failed.push(["USERNAME_TAKEN", "username", "usernameTaken"]);
  if (!failed.length) return null;
  return new AppError(failed[0]![0], Object.fromEntries(failed.map(([, field, msg]) => [field, msg])));
}

/**
 * Creates an account in an org of the actor's subtree with a role the actor may grant. The password
 * is the manager's choice, so the user must change it at first sign-in.
 */
export async function createUser(actor: TActor, input: TCreateUser, db: TDb = getDb()) {
  const refused = await refusal(actor, input, db);
  if (refused) throw refused;
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
      return user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("USERNAME_TAKEN", { username: "usernameTaken" });
    throw e;
  }
}
