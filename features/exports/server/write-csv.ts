import "server-only";
import type { Writable } from "node:stream";
import { CRLF, CSV_BOM, csvLine } from "../lib/csv";
import type { TRow, TSheet } from "../lib/sheet";
import { put } from "./stream-out";

/**
 * Streams the sheet as CSV: BOM, title lines and a blank line (when there are any), the
 * header, then each chunk of rows as it arrives. Stops quietly when the reader goes away.
 */
export async function writeCsv(sheet: TSheet, out: Writable): Promise<void> {
  const kinds = sheet.columns.map((c) => c.kind);
  const line = (r: TRow) => csvLine(r, kinds);
  const title = sheet.titleLines.map((l) => line([l])).join("") + (sheet.titleLines.length ? CRLF : "");
  if (!(await put(out, CSV_BOM + title + line(sheet.columns.map((c) => c.header))))) return;
  for await (const chunk of sheet.rows) {
    if (!(await put(out, chunk.map(line).join("")))) return;
  }
  if (sheet.footer?.length && !(await put(out, sheet.footer.map(line).join("")))) return;
  out.end();
}
