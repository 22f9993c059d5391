import "server-only";
import { canGrantRole } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { orgScopeWhere } from "@/lib/auth/scope";
import { getDb, type TDb } from "@/lib/db/client";
import { adjustUserCount } from "@/features/organizations/server/org-counts";
import { AppError } from "@/lib/errors";
import type { TCreateUser } from "../schemas";
import type { TActor } from "./actor";

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/** Creates an account in an org of the actor's subtree with a role the actor may grant. */
export async function createUser(actor: TActor, input: TCreateUser, db: TDb = getDb()) {
  if (!canGrantRole(actor.role, input.role)) throw new AppError("ROLE_NOT_ALLOWED", { role: "role" });
  const org = await db.org.findFirst({
    where: { code: input.orgCode, ...orgScopeWhere(actor) },
    select: { id: true },
  });
  if (!org) throw new AppError("VALIDATION", { orgCode: "orgCode" });
  if (await db.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
    throw new AppError("USERNAME_TAKEN", { username: "usernameTaken" });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: input.username,
          name: input.name,
          role: input.role,
          phone: input.phone || null,
          orgId: org.id,
          passwordHash,
          createdById: actor.id,
        },
        select: { id: true, username: true },
      });
      await adjustUserCount(tx, { orgId: org.id, delta: 1 });
      return user;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("USERNAME_TAKEN", { username: "usernameTaken" });
    throw e;
  }
}
