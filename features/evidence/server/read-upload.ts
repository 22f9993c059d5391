import "server-only";
import { AppError } from "@/lib/errors";

/**
 * Reads a request body chunk by chunk and stops (cancelling the stream) as soon as it exceeds
 * `limit` bytes, whether or not a Content-Length was sent (a chunked body has none): at most
 * `limit` bytes plus one chunk are ever held.
 */
export async function readBodyCapped(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("FILE_TOO_LARGE");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export type TUploadForm = { file: { name: string; bytes: Buffer }; purpose: string | null };

/**
 * The multipart form of an upload (`file`, optional `purpose`), read with a hard byte cap and then
 * parsed from that bounded buffer. Anything that is not such a form is VALIDATION.
 */
export async function readUploadForm(req: Request, limit: number): Promise<TUploadForm> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(type)) throw new AppError("VALIDATION");
  const bytes = await readBodyCapped(req.body, limit);
  const form = await new Response(new Uint8Array(bytes), { headers: { "content-type": type } })
    .formData()
    .catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof Blob) || !("name" in file)) throw new AppError("VALIDATION");
  const purpose = form?.get("purpose");
  return {
    file: { name: String(file.name), bytes: Buffer.from(await file.arrayBuffer()) },
    purpose: typeof purpose === "string" ? purpose : null,
  };
}
