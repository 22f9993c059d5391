import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials } from "@/features/auth/server/verify-credentials";
import { recordAudit } from "@/lib/audit/record";
import { getRequestMeta } from "@/lib/audit/request-meta";
import { getDb } from "@/lib/db/client";
import { safeAbsoluteRedirect } from "@/lib/safe-path";
import { SESSION_COOKIE_MAX_HOURS } from "@/lib/security/settings-schema";
import { getAuthSecret } from "./secret";
import { createUserSession, isUnrevokedSession, revokeUserSessions } from "./user-sessions";

// Self-hosted: derive the origin from the request unless NEXTAUTH_URL pins it.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

/**
 * `secureCookies`: the request came over HTTPS (lib/security/https.ts); cookies are then `Secure`
 * (and `__Secure-` prefixed). The route handler and lib/auth/session.ts decide it from the same headers.
 * The browser's /api/auth/session never sees the session id (the server reads it from the cookie).
 */
export function getAuthOptions({ secureCookies = false }: { secureCookies?: boolean } = {}): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    // The cookie's own limit; the session row enforces the configured idle and absolute limits.
    session: { strategy: "jwt", maxAge: SESSION_COOKIE_MAX_HOURS * 60 * 60 },
    useSecureCookies: secureCookies,
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { username: { type: "text" }, password: { type: "password" } },
        authorize: (credentials) => verifyCredentials(credentials),
      }),
    ],
    callbacks: {
      // The token carries only the user id and the session id (`sid`); role, org and permissions are
      // read from the database on every request together with the session row (lib/auth/session.ts),
      // so a change of role, a deactivation or a revocation takes effect at once.
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = await createUserSession(Number(user.id), await getRequestMeta());
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub };
      },
      // Only this origin's URLs are followed (no open redirect).
      redirect({ url, baseUrl }) {
        return safeAbsoluteRedirect(url, baseUrl);
      },
    },
    events: {
      // Signing out ends every session of the user on every device. A cookie whose session was already
      // revoked changes nothing (a stolen, dead cookie cannot sign its owner out elsewhere).
      async signOut({ token }) {
        const userId = Number(token?.sub);
        const sid = typeof token?.sid === "string" ? token.sid : null;
        if (!Number.isInteger(userId) || userId <= 0 || !sid || !(await isUnrevokedSession(sid))) return;
        const db = getDb();
        const user = await db.user.findUnique({
          where: { id: userId },
          select: { id: true, username: true },
        });
        if (!user) return;
        await recordAudit({ action: "auth.logout", actor: user, target: { type: "user", id: user.id } }, db);
        await revokeUserSessions(user.id, db, { reason: "logout", actor: user });
      },
    },
  };
}
