import "server-only";
import { getDb } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearFailures, isThrottled, recordFailure } from "@/lib/auth/throttle";
import { ZLogin } from "../schemas";

export type TAuthUser = { id: string; name: string; username: string };

// Compared against for unknown usernames, so that they cost as much time as a wrong password.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(crypto.randomUUID()));

/** Returns the user for valid credentials, otherwise null — never says which part was wrong. */
export async function verifyCredentials(input: unknown): Promise<TAuthUser | null> {
  const parsed = ZLogin.safeParse(input);
  if (!parsed.success) return null;
  const username = parsed.data.username.trim().toLowerCase();
  if (isThrottled(username)) return null;
  const user = await getDb().user.findUnique({
    where: { username },
    select: { id: true, name: true, username: true, passwordHash: true, active: true },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !ok || !user.active) {
    recordFailure(username);
    return null;
  }
  clearFailures(username);
  return { id: String(user.id), name: user.name, username: user.username };
}
