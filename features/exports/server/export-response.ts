import "server-only";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { contentDisposition } from "../lib/file-name";
import { ZExportQuery, exportQueryInput, type TExportQuery } from "../schemas";
import type { TExportFile } from "./export-file";

/** The query, or VALIDATION with the offending fields (`{ format: "invalid" }`). */
export function parseExportQuery(params: URLSearchParams): TExportQuery {
  const parsed = ZExportQuery.safeParse(exportQueryInput(params));
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(
    parsed.error.issues.map((i) => [String(i.path[0] ?? "query"), i.message || "invalid"]),
  );
  throw new AppError("VALIDATION", fields);
}

/** The streamed download. */
export function exportResponse(file: TExportFile): Response {
  return new Response(Readable.toWeb(file.body) as ReadableStream, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(file.fileName, file.asciiName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
