import "server-only";
import { Readable } from "node:stream";
import { contentDisposition } from "@/lib/content-disposition";
import { AppError } from "@/lib/errors";
import { downloadMode } from "@/lib/storage/store";
import { evidenceFileName, extensionFor } from "../lib/file-name";
import { hasFile, openFile, presignFile } from "./storage";

/** How long a presigned download URL stays valid (S3_DOWNLOAD=redirect). */
export const PRESIGNED_TTL_S = 60;

export type TDownloadRow = {
  storageKey: string;
  fileName: string;
  mime: string;
  kind: string;
  fallbackBase: string;
  thumb?: boolean;
};

/**
 * The response of an evidence download (task or 考评 evidence), for a row the caller has already
 * found in the user's scope. Only images and PDF open in the browser; everything else is an
 * attachment. The name is made safe again (rows stored before the rule existed) and sent per
 * RFC 6266 with a plain-ASCII fallback; nosniff and a sandbox CSP keep the file from running as a
 * page of the app. With S3_DOWNLOAD=redirect the file (never a thumbnail: img-src 'self') is a 302
 * to a presigned URL valid PRESIGNED_TTL_S seconds that answers with the same type and name.
 * `beforeSend` (the audit) runs once the file is known to exist; if it throws, nothing is sent.
 * NOT_FOUND when the store has no such file.
 */
export async function openEvidenceDownload(
  row: TDownloadRow,
  beforeSend: () => Promise<unknown> = async () => undefined,
): Promise<Response> {
  const inline = row.thumb || row.kind === "IMAGE" || row.kind === "PDF";
  const contentType = row.thumb ? "image/webp" : row.mime;
  const disposition = contentDisposition(
    evidenceFileName(row.fileName, row.mime),
    `${row.fallbackBase}.${row.thumb ? "webp" : extensionFor(row.mime)}`,
    inline ? "inline" : "attachment",
  );
  if (!row.thumb && downloadMode() === "redirect") {
    if (!(await hasFile(row.storageKey))) throw new AppError("NOT_FOUND");
    const url = await presignFile(row.storageKey, {
      contentDisposition: disposition,
      contentType,
      expiresIn: PRESIGNED_TTL_S,
    });
    if (url) {
      await beforeSend();
      return new Response(null, {
        status: 302,
        headers: { Location: url, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
      });
    }
  }
  const file = await openFile(row.storageKey, row.thumb);
  if (!file) throw new AppError("NOT_FOUND");
  await beforeSend().catch((e: unknown) => {
    file.stream.destroy();
    throw e;
  });
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": disposition,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=3600",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
