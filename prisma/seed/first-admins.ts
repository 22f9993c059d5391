import crypto from "node:crypto";
import { recordAudit } from "../../lib/audit/record";
import { hashPassword } from "../../lib/auth/password";
import type { TRole } from "../../lib/auth/permissions";
import type { TDb } from "../../lib/db/client";
import { rebuildOrgCounts } from "../../features/organizations/server/org-counts";

export type TFirstAdmin = { username: string; name: string; role: TRole };

/** 三员分立: one 系统管理员, one 安全管理员, one 安全审计员 at the national org. */
export const FIRST_ADMINS: readonly TFirstAdmin[] = [
  { username: "sysadmin", name: "系统管理员", role: "ADMIN" },
  { username: "secadmin", name: "安全管理员", role: "SECURITY_ADMIN" },
  { username: "auditor", name: "安全审计员", role: "AUDITOR" },
];

const CLASSES = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "!@#%^*-_=+"];

/** A random one-time password with every character class of the policy (16 characters). */
export function oneTimePassword(length = 16): string {
  const all = CLASSES.join("");
  const chars = CLASSES.map((c) => c[crypto.randomInt(c.length)]!);
  while (chars.length < length) chars.push(all[crypto.randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}

export class FirstAdminsRefused extends Error {}

/**
 * Creates the first administrators with random one-time passwords that must be changed at the first
 * sign-in, and returns them (to be shown once). Refuses, creating nothing, when any username exists.
 */
export async function createFirstAdmins(
  db: TDb,
  admins: readonly TFirstAdmin[] = FIRST_ADMINS,
): Promise<{ username: string; role: TRole; password: string }[]> {
  const taken = await db.user.findMany({
    where: { username: { in: admins.map((a) => a.username) } },
    select: { username: true },
  });
  if (taken.length) throw new FirstAdminsRefused(`already exist: ${taken.map((u) => u.username).join(", ")}`);
  const org = await db.org.findFirst({ where: { parentId: null, level: "NATIONAL" }, select: { id: true } });
  if (!org) throw new FirstAdminsRefused("no national org: run npm run db:setup first");
  const created = await Promise.all(
    admins.map(async (a) => {
      const password = oneTimePassword();
      return { ...a, password, hash: await hashPassword(password) };
    }),
  );
  await db.$transaction(async (tx) => {
    for (const a of created) {
      const user = await tx.user.create({
        data: {
          username: a.username,
          name: a.name,
          role: a.role,
          orgId: org.id,
          passwordHash: a.hash,
          mustChangePassword: true,
        },
        select: { id: true },
      });
      await tx.passwordHistory.create({ data: { userId: user.id, hash: a.hash } });
      await recordAudit(
        {
          action: "user.create",
          actorName: "admin:init",
          target: { type: "user", id: user.id },
          detail: { username: a.username, role: a.role },
          meta: { ip: null, userAgent: "admin:init" },
        },
        tx,
      );
    }
  });
  await rebuildOrgCounts(db);
  return created.map(({ username, role, password }) => ({ username, role, password }));
}
