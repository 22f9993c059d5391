import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import pg from "pg";

/** Gives the named bench users one new random password (and fails when one is missing). */
export async function setPasswords(url: string, usernames: readonly string[]): Promise<string> {
  const password = crypto.randomBytes(18).toString("base64url");
  const hash = await bcrypt.hash(password, 10);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query(
      `UPDATE "User" SET "passwordHash" = $1, active = true, "mustChangePassword" = false, "passwordChangedAt" = now() WHERE username = ANY($2)`,
      [hash, [...usernames]],
    );
    if (r.rowCount !== new Set(usernames).size) throw new Error("bench: some bench users are missing");
  } finally {
    await client.end();
  }
  return password;
}
