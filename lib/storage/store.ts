import "server-only";
import { s3Config, uploadDir } from "@/lib/env";
import { LocalStore } from "./local-store";
import type { ObjectStore } from "./object-store";
import { S3Store } from "./s3-store";

let cached: { signature: string; store: ObjectStore } | null = null;

/**
 * The evidence store of this process: the S3 bucket when S3_BUCKET is set, else the local folder
 * (uploadDir()). Memoised per setting, so one S3 client (and its connection pool) serves every request.
 */
export function getObjectStore(): ObjectStore {
  const s3 = s3Config();
  const signature = JSON.stringify(s3 ?? { dir: uploadDir() });
  if (cached?.signature !== signature)
    cached = { signature, store: s3 ? new S3Store(s3) : new LocalStore(uploadDir()) };
  return cached.store;
}

/** How downloads leave the store: streamed through the app (default) or redirected to a presigned URL. */
export function downloadMode(): "stream" | "redirect" {
  return s3Config()?.download ?? "stream";
}
