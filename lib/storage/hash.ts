import crypto from "node:crypto";
import type { Readable } from "node:stream";

/** The sha256 (hex) and byte count of a stream, read to its end. */
export async function sha256OfStream(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash("sha256");
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    hash.update(buf);
    size += buf.length;
  }
  return { sha256: hash.digest("hex"), size };
}
