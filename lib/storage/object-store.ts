import type { Readable } from "node:stream";

// The one interface evidence storage goes through: the local folder (embedded default) or an
// S3-compatible bucket. Keys are relative, "/"-separated (e.g. "ab/<sha256>", "ab/<sha256>.thumb.webp").

export type TObjectBody = Buffer | Readable;

export type TStoredObject = { stream: Readable; size: number };

export type TPresignOptions = {
  /** The Content-Disposition the store answers with (built by lib/content-disposition.ts). */
  contentDisposition: string;
  contentType: string;
  /** Seconds the URL stays valid. */
  expiresIn: number;
};

export interface ObjectStore {
  readonly kind: "local" | "s3";
  /** Stores `body` under `key` whole or not at all (a reader never sees half an object). */
  put(key: string, body: TObjectBody, meta: { size: number; contentType: string }): Promise<void>;
  /** The object as a stream with its size, or null when there is none. */
  get(key: string): Promise<TStoredObject | null>;
  /** The object's size, or null when there is none. */
  head(key: string): Promise<{ size: number } | null>;
  /** Removes the object; a missing one is fine. */
  delete(key: string): Promise<void>;
  /** Every object under `prefix` (all when empty), in no particular order. */
  list(prefix?: string): AsyncIterable<{ key: string; size: number }>;
  /** A short-lived URL that fetches the object directly from the store (S3 only). */
  presignGet?(key: string, opts: TPresignOptions): Promise<string>;
}

/** Keys are relative paths of safe segments: nothing that could climb out of a folder or bucket prefix. */
export function assertObjectKey(key: string): void {
  if (
    !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(key) ||
    key.split("/").some((s) => s === "." || s === "..")
  )
    throw new Error("bad object key");
}
