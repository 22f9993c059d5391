"use server";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { authenticateSignedIn, currentSessionId } from "@/lib/auth/session";
import { touchUserSession } from "@/lib/auth/user-sessions";

/**
 * 继续 in the idle warning (and activity on a page that makes no requests): marks the caller's live
 * session as seen now. A session that is revoked, idle or expired answers UNAUTHENTICATED.
 */
export async function extendSessionAction(input?: unknown) {
  return runAction(z.undefined(), input, async () => {
    await authenticateSignedIn();
    const sid = await currentSessionId();
    if (sid) await touchUserSession(sid);
    return { at: Date.now() };
  });
}
