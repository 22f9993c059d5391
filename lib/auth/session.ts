import "server-only";
import { cache } from "react";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getAuthSecret } from "./secret";
import { servedOverHttps } from "@/lib/security/https";
import { resolvePermissions, type TPermission, type TRole } from "./permissions";
import { findLiveSession } from "./user-sessions";

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

/** Where a user whose password was set by a manager must choose their own before anything else. */
export const CHANGE_PASSWORD_PATH = "/account/password";

type TSignedIn = { user: TSessionUser; mustChangePassword: boolean; sessionId: string };

/**
 * The session's user id and session id from the signed cookie (JWT), or null. Decoded directly (as
 * getServerSession does, without re-issuing the cookie on every request): the cookie lives as long as
 * the longest allowed session, and the session row enforces the idle and absolute limits.
 */
const readToken = cache(async (): Promise<{ userId: number; sid: string } | null> => {
  const secureCookies = servedOverHttps(await headers());
  const raw = (await cookies()).get(`${secureCookies ? "__Secure-" : ""}next-auth.session-token`)?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: getAuthSecret() }).catch(() => null);
  const userId = Number(token?.sub);
  const sid = token?.sid;
  if (!Number.isInteger(userId) || userId <= 0 || typeof sid !== "string" || !sid) return null;
  return { userId, sid };
});

/**
 * The signed-in, active user fresh from the database (once per request), with the password flag: only
 * while the session row is live (not revoked, not idle, not past its absolute lifetime). One query
 * reads the session, the user, the org and the permissions.
 */
const loadSignedIn = cache(async (): Promise<TSignedIn | null> => {
  const token = await readToken();
  if (!token) return null;
  const user = await findLiveSession(token);
  if (!user) return null;
  const rows = user.permissions.map((permission) => ({ role: user.role, permission }));
  return {
    mustChangePassword: user.mustChangePassword,
    sessionId: token.sid,
    user: {
      id: user.userId,
      username: user.username,
      name: user.name,
      role: user.role,
      orgId: user.orgId,
      orgName: user.orgName,
      orgLevel: user.orgLevel,
      permissions: resolvePermissions(rows, user.role),
    },
  };
});

/** The id of the current request's live session (for the own-password change, which keeps it). */
export async function currentSessionId(): Promise<string | null> {
  return (await loadSignedIn())?.sessionId ?? null;
}

/**
 * The signed-in, active user with role, org and permissions; null when signed out, and also while
 * the user must change a password set by a manager (route handlers then answer as to a stranger).
 */
export const getSession = cache(async (): Promise<TSessionUser | null> => {
  const s = await loadSignedIn();
  return s && !s.mustChangePassword ? s.user : null;
});

/** Only for the shell and the change-password page and action: signed in, whatever the password flag. */
export async function requireSignedIn(): Promise<TSignedIn> {
  const s = await loadSignedIn();
  if (!s) redirect("/login");
  return s;
}

/** For actions that only need a signed-in user even before the password is changed. */
export async function authenticateSignedIn(): Promise<TSessionUser> {
  const s = await loadSignedIn();
  if (!s) throw new AppError("UNAUTHENTICATED");
  return s.user;
}

/** The session user for actions, or UNAUTHENTICATED / PASSWORD_CHANGE_REQUIRED. */
async function actionUser(): Promise<TSessionUser> {
  const s = await loadSignedIn();
  if (!s) throw new AppError("UNAUTHENTICATED");
  if (s.mustChangePassword) throw new AppError("PASSWORD_CHANGE_REQUIRED");
  return s.user;
}

/** For pages: the session user, or a redirect to the login page (or to change the password first). */
export async function requireUser(): Promise<TSessionUser> {
  const s = await requireSignedIn();
  if (s.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return s.user;
}

/** For pages: the session user holding `permission`, or the forbidden page. */
export async function requirePagePermission(permission: TPermission): Promise<TSessionUser> {
  const user = await requireUser();
  if (!user.permissions.has(permission)) redirect("/forbidden");
  return user;
}

/** For actions and route handlers: throws typed errors instead of redirecting. */
export async function authorize(permission: TPermission): Promise<TSessionUser> {
  const user = await actionUser();
  if (!user.permissions.has(permission)) throw new AppError("FORBIDDEN");
  return user;
}

/** For actions whose permission depends on the user's relation to the record: signed in, or UNAUTHENTICATED. */
export async function authenticate(): Promise<TSessionUser> {
  return actionUser();
}
