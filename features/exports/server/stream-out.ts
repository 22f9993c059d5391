import type { Writable } from "node:stream";

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
