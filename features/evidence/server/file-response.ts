import "server-only";
import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/content-disposition";
import { evidenceFileName, extensionFor } from "../lib/file-name";
import type { openFile } from "./storage";

/**
 * The response of an evidence download (task or 考评 evidence), streamed from storage. Only images
 * and PDF open in the browser; everything else is an attachment. The name is made safe again
 * (rows stored before the rule existed) and sent per RFC 6266 with a plain-ASCII fallback;
 * nosniff and a sandbox CSP keep the file from running as a page of the app.
 */
export function evidenceFileResponse(
  file: NonNullable<ReturnType<typeof openFile>>,
  row: { fileName: string; mime: string; kind: string; fallbackBase: string; thumb?: boolean },
): Response {
  const inline = row.thumb || row.kind === "IMAGE" || row.kind === "PDF";
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      "Content-Type": row.thumb ? "image/webp" : row.mime,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(
        evidenceFileName(row.fileName, row.mime),
        `${row.fallbackBase}.${row.thumb ? "webp" : extensionFor(row.mime)}`,
        inline ? "inline" : "attachment",
      ),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=3600",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
