import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { uploadDir } from "@/lib/env";

// Content-addressed storage outside the web root: <UPLOAD_DIR>/<sha[0..2]>/<sha>. The same
// bytes uploaded twice are stored once; rows keep their own names.
function fullPath(storageKey: string): string {
  if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(storageKey)) throw new Error("bad storage key");
  return path.join(uploadDir(), storageKey);
}

export async function saveFile(bytes: Buffer): Promise<{ storageKey: string; sha256: string; size: number }> {
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
  const file = fullPath(storageKey);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.promises.writeFile(tmp, bytes, { mode: 0o600 });
    await fs.promises.rename(tmp, file);
  }
  return { storageKey, sha256, size: bytes.length };
}

/** A ~320 px WebP thumbnail next to the file; false when the image cannot be decoded. */
export async function saveThumbnail(storageKey: string, bytes: Buffer): Promise<boolean> {
  try {
    const out = `${fullPath(storageKey)}.thumb.webp`;
    if (!fs.existsSync(out))
      await sharp(bytes, { failOn: "error" })
        .rotate()
        .resize(320, 320, { fit: "inside", withoutEnlargement: true })
        .webp({ quality: 75 })
        .toFile(out);
    return true;
  } catch {
    return false;
  }
}

export function openFile(
  storageKey: string,
  thumbnail = false,
): { stream: fs.ReadStream; size: number } | null {
  const file = thumbnail ? `${fullPath(storageKey)}.thumb.webp` : fullPath(storageKey);
  try {
    const { size } = fs.statSync(file);
    return { stream: fs.createReadStream(file), size };
  } catch {
    return null;
  }
}

/** Deletes a stored file and its thumbnail (missing ones are fine). */
export async function removeStoredFile(storageKey: string): Promise<void> {
  const file = fullPath(storageKey);
  await Promise.all([
    fs.promises.rm(file, { force: true }),
    fs.promises.rm(`${file}.thumb.webp`, { force: true }),
  ]);
}
