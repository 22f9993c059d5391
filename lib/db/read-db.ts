import "server-only";
import { cookies, headers } from "next/headers";
import { servedOverHttps } from "../security/https";
import { getEnv } from "../env";
import { getDb, getReplicaDb, type TDb } from "./client";

/**
 * Set for a few seconds after the user's own write (server actions through lib/action.ts, the upload
 * and import route handlers): while it is there the user's reads go to the primary, so what they just
 * did shows at once even when the replica lags. It carries nothing but its presence.
 */
export const RECENT_WRITE_COOKIE = "utt-rw";
/** Seconds: longer than a healthy replica's lag, short enough that a reader's load returns to the replica soon. */
export const RECENT_WRITE_MAX_AGE = 10;

export type TReadTarget = "primary" | "replica";

function replicaConfigured(): boolean {
  return Boolean(getEnv().DATABASE_REPLICA_URL);
}

/** The request's cookie jar; null outside a request (scripts, jobs, tests that call domain functions). */
async function requestCookies() {
  try {
    return await cookies();
  } catch {
    return null;
  }
}

/**
 * Where a read of the completion views, 通报 and exports goes: the replica when one is configured,
 * unless the request carries the recent-write cookie. Everything else reads through getDb() (primary).
 */
export async function readTarget(): Promise<TReadTarget> {
  if (!replicaConfigured()) return "primary";
  const jar = await requestCookies();
  return jar?.get(RECENT_WRITE_COOKIE) ? "primary" : "replica";
}

/** The client for those reads (see readTarget). Raw SQL works the same on both. */
export async function getReadDb(): Promise<TDb> {
  return (await readTarget()) === "replica" ? getReplicaDb() : getDb();
}

/**
 * After a successful write in a server action or route handler: the user's next reads for
 * RECENT_WRITE_MAX_AGE seconds go to the primary. Nothing to do without a replica, or outside a
 * request (a domain function called from a script or test). Never throws: the write is done, and a
 * cookie that could not be set costs only read-your-writes.
 */
export async function markRecentWrite(): Promise<void> {
  if (!replicaConfigured()) return;
  const jar = await requestCookies();
  if (!jar) return;
  try {
    jar.set(RECENT_WRITE_COOKIE, "1", {
      httpOnly: true,
      sameSite: "lax",
      maxAge: RECENT_WRITE_MAX_AGE,
      path: "/",
      secure: servedOverHttps(await headers()),
    });
  } catch (e) {
    console.error("[db] recent-write cookie not set", e);
  }
}
