import bcrypt from "bcryptjs";
import crypto from "node:crypto";

// Passwords are stored with Node's built-in scrypt (memory-hard, no 72-byte cut like bcrypt):
// `scrypt$N$r$p$salt$hash`, salt and hash in base64. Older bcrypt hashes still verify; sign-in
// replaces them (needsRehash).
const N = 16384;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const SALT_LEN = 16;
const MAXMEM = 64 * 1024 * 1024;

type TParams = { n: number; r: number; p: number; len: number };

function scrypt(plain: string, salt: Buffer, { n, r, p, len }: TParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(plain.normalize("NFC"), salt, len, { N: n, r, p, maxmem: MAXMEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(plain: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_LEN);
  const key = await scrypt(plain, salt, { n: N, r: R, p: P, len: KEY_LEN });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** True when `plain` matches `hash` (scrypt, or a legacy bcrypt hash); false for anything malformed. */
export async function verifyPassword(plain: string, hash: string): Promise<boolean> {
  if (hash.startsWith("$2")) return bcrypt.compare(plain, hash);
  const parts = hash.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Only parameters this code could have written: a stored hash must not make sign-in arbitrarily slow.
  if (![n, r, p].every(Number.isInteger) || n < 1024 || n > 1 << 20 || r < 1 || r > 32 || p < 1 || p > 4)
    return false;
  const salt = Buffer.from(parts[4]!, "base64");
  const expected = Buffer.from(parts[5]!, "base64");
  if (expected.length < 16 || expected.length > 64) return false;
  const key = await scrypt(plain, salt, { n, r, p, len: expected.length });
  return crypto.timingSafeEqual(key, expected);
}

/** A hash of an older scheme or weaker parameters, to be replaced after the next successful sign-in. */
export function needsRehash(hash: string): boolean {
  return !hash.startsWith(`scrypt$${N}$${R}$${P}$`);
}

// Machine-generated random secrets (the initial passwords of imported accounts: ≥ 90 bits from
// crypto.randomInt) cannot be guessed whatever the hash costs, so they are hashed with the lowest
// scrypt cost verifyPassword accepts: a people import of thousands of accounts then commits in
// seconds instead of minutes. needsRehash flags these hashes; the holder must change the password
// at first sign-in anyway. Never use this for a password a person chose.
const RANDOM_SECRET_N = 1024;

export async function hashRandomSecret(plain: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_LEN);
  const key = await scrypt(plain, salt, { n: RANDOM_SECRET_N, r: R, p: P, len: KEY_LEN });
  return `scrypt$${RANDOM_SECRET_N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}
