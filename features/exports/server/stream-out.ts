import { PassThrough, type Writable } from "node:stream";

/**
 * How much an export buffers before the writer waits for the reader. Set explicitly: Node 22 raised the
 * default high-water mark from 16 KiB to 64 KiB, and an export should hold little while nobody reads.
 */
export const EXPORT_HIGH_WATER_MARK = 16 * 1024;

/** The stream an export is written into and the response reads from. */
export function exportStream(): PassThrough {
  return new PassThrough({ highWaterMark: EXPORT_HIGH_WATER_MARK });
}

/** Resolves once `out` can take more, or has been closed (the reader went away). */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed || !out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.on("drain", done);
    out.on("close", done);
  });
}

/** Writes `text` and waits while the reader is behind; false when the reader is gone. */
export async function put(out: Writable, text: string): Promise<boolean> {
  if (out.destroyed) return false;
  out.write(text);
  await drained(out);
  return !out.destroyed;
}
