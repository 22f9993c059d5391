import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, getEnv } from "../env";

let cached: string | undefined;

/**
 * The session-signing secret: NEXTAUTH_SECRET when set (production), otherwise a
 * random secret generated on first start and kept in the data folder. There is
 * never a hard-coded default.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const fromEnv = getEnv().NEXTAUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);
  const file = path.join(dataDir(), "auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  cached = fs.readFileSync(file, "utf8").trim();
  if (cached.length < 32) throw new Error(`auth secret in ${file} is too short`);
  return cached;
}
