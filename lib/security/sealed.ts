import crypto from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";

// Secrets the app must keep for a short while and give back once (the 初始密码单 of a people import):
// AES-256-GCM with a key derived by HKDF-SHA256 from the app secret (NEXTAUTH_SECRET, or the
// generated one in the data folder) and a purpose, so that no key serves two uses. `context` is
// bound as additional data: a box opens only for the record it was sealed for. A changed app
// secret makes old boxes unreadable (they are then treated as expired).

const IV_LEN = 12;
const TAG_LEN = 16;

function key(purpose: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", getAuthSecret(), "utt-sealed-v1", purpose, 32));
}

/** iv | tag | ciphertext. */
export function seal(plain: Buffer, p: { purpose: string; context: string }): Buffer {
  const iv = crypto.randomBytes(IV_LEN);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(p.purpose), iv);
  cipher.setAAD(Buffer.from(p.context, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The sealed bytes, or null when the box was altered, sealed for another context or another secret. */
export function open(box: Uint8Array, p: { purpose: string; context: string }): Buffer | null {
  const buf = Buffer.from(box);
  if (buf.length < IV_LEN + TAG_LEN) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(p.purpose), buf.subarray(0, IV_LEN));
    decipher.setAAD(Buffer.from(p.context, "utf8"));
    decipher.setAuthTag(buf.subarray(IV_LEN, IV_LEN + TAG_LEN));
    return Buffer.concat([decipher.update(buf.subarray(IV_LEN + TAG_LEN)), decipher.final()]);
  } catch {
    return null;
  }
}
