import "server-only";
import crypto from "node:crypto";
import sharp from "sharp";
import { getObjectStore } from "@/lib/storage/store";
import type { TStoredObject } from "@/lib/storage/object-store";

// Content-addressed storage outside the web root, in the object store (lib/storage/store.ts: the
// local folder <UPLOAD_DIR>/<sha[0..2]>/<sha>, or the same keys in an S3 bucket). The same bytes
// uploaded twice are stored once; rows keep their own names.
const STORAGE_KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

function objectKey(storageKey: string, thumbnail = false): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error("bad storage key");
  return thumbnail ? `${storageKey}.thumb.webp` : storageKey;
}

/** The sha256 a storage key names (its file must hash to it), or null for any other key. */
export function hashOfKey(key: string): string | null {
  return STORAGE_KEY.test(key) ? key.slice(3) : null;
}

export async function saveFile(
  bytes: Buffer,
  contentType = "application/octet-stream",
): Promise<{ storageKey: string; sha256: string; size: number }> {
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
  const store = getObjectStore();
  if (!(await store.head(storageKey)))
    await store.put(storageKey, bytes, { size: bytes.length, contentType });
  return { storageKey, sha256, size: bytes.length };
}

/**
 * A ~320 px WebP thumbnail stored beside the file; false when the image cannot be decoded. A
 * storage failure is thrown (the upload fails rather than linking a row to a missing thumbnail).
 */
export async function saveThumbnail(storageKey: string, bytes: Buffer): Promise<boolean> {
  const key = objectKey(storageKey, true);
  const store = getObjectStore();
  if (await store.head(key)) return true;
  let webp: Buffer;
  try {
    webp = await sharp(bytes, { failOn: "error" })
      .rotate()
      .resize(320, 320, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
  } catch {
    return false;
  }
  await store.put(key, webp, { size: webp.length, contentType: "image/webp" });
  return true;
}

/** The stored file (or its thumbnail) as a stream, or null when it is not in the store. */
export async function openFile(storageKey: string, thumbnail = false): Promise<TStoredObject | null> {
  return getObjectStore().get(objectKey(storageKey, thumbnail));
}

/** Whether the stored file (or its thumbnail) is in the store. */
export async function hasFile(storageKey: string, thumbnail = false): Promise<boolean> {
  return (await getObjectStore().head(objectKey(storageKey, thumbnail))) !== null;
}

/** A presigned URL for the stored file, or null when the store has none (the local folder). */
export async function presignFile(
  storageKey: string,
  opts: { contentDisposition: string; contentType: string; expiresIn: number },
): Promise<string | null> {
  const store = getObjectStore();
  return store.presignGet ? store.presignGet(objectKey(storageKey), opts) : null;
}

/** Deletes a stored file and its thumbnail (missing ones are fine). */
export async function removeStoredFile(storageKey: string): Promise<void> {
  const store = getObjectStore();
  await Promise.all([store.delete(objectKey(storageKey)), store.delete(objectKey(storageKey, true))]);
}
