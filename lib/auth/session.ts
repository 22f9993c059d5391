import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getAuthOptions } from "./options";
import { resolvePermissions, type TPermission, type TRole } from "./permissions";

export type TSessionUser = {
  id: number;
  username: string;
  name: string;
  role: TRole;
  orgId: number;
  orgName: string;
  orgLevel: string;
  permissions: ReadonlySet<TPermission>;
};

/** The signed-in, active user with role, org and permissions fresh from the database (once per request). */
export const getSession = cache(async (): Promise<TSessionUser | null> => {
  const session = (await getServerSession(getAuthOptions())) as { userId?: string } | null;
  const id = Number(session?.userId);
  if (!Number.isInteger(id) || id <= 0) return null;
  const db = getDb();
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      active: true,
      orgId: true,
      org: { select: { name: true, level: true } },
    },
  });
  if (!user || !user.active) return null;
  const rows = await db.rolePermission.findMany({ where: { role: user.role } });
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    orgId: user.orgId,
    orgName: user.org.name,
    orgLevel: user.org.level,
    permissions: resolvePermissions(rows, user.role),
  };
});

/** For pages: the session user, or a redirect to the login page. */
export async function requireUser(): Promise<TSessionUser> {
  const user = await getSession();
  if (!user) redirect("/login");
  return user;
}

/** For pages: the session user holding `permission`, or the forbidden page. */
export async function requirePagePermission(permission: TPermission): Promise<TSessionUser> {
  const user = await requireUser();
  if (!user.permissions.has(permission)) redirect("/forbidden");
  return user;
}

/** For actions and route handlers: throws typed errors instead of redirecting. */
export async function authorize(permission: TPermission): Promise<TSessionUser> {
  const user = await getSession();
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!user.permissions.has(permission)) throw new AppError("FORBIDDEN");
  return user;
}

/** For actions whose permission depends on the user's relation to the record: signed in, or UNAUTHENTICATED. */
export async function authenticate(): Promise<TSessionUser> {
  const user = await getSession();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}
