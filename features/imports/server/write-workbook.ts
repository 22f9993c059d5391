import "server-only";
import { PassThrough, Readable, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { CJK_FONT } from "@/features/exports/lib/print-setup";
import { drained, EXPORT_HIGH_WATER_MARK } from "@/features/exports/server/stream-out";
import { contentDisposition } from "@/lib/content-disposition";

// The import's own spreadsheets: the template, the error report and the export of what is in the
// system, all in the template's layout so that each of them can be uploaded again. Every value is
// written as a text cell (never a formula: a text cell is not evaluated), columns formatted as text
// so that codes keep their leading zeros when people type into them.

export type TWorkbookSpec = {
  sheetName: string;
  headers: readonly string[];
  /** Data rows, a chunk at a time. */
  rows: AsyncIterable<string[][]> | Iterable<string[][]>;
  /** Lines of a second sheet (说明). */
  notes?: { sheetName: string; lines: readonly string[] };
};

export async function writeWorkbook(out: Writable, spec: TWorkbookSpec): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  ws.columns = spec.headers.map((h) => ({
    width: Math.max(12, h.length * 3),
    style: { font: CJK_FONT, numFmt: "@" },
  }));
  const header = ws.addRow([...spec.headers]);
  header.eachCell((cell) => (cell.font = { ...CJK_FONT, bold: true }));
  header.commit();
  for await (const chunk of spec.rows) {
    for (const cells of chunk) ws.addRow(cells).commit();
    await drained(out);
    if (out.destroyed) return;
  }
  ws.commit();
  if (spec.notes) {
    const notes = wb.addWorksheet(spec.notes.sheetName);
    notes.columns = [{ width: 110, style: { font: CJK_FONT } }];
    for (const line of spec.notes.lines) notes.addRow([line]).commit();
    notes.commit();
  }
  await wb.commit();
}

/** A streamed XLSX download written by `write`; a failure mid-way ends the stream with an error. */
export function xlsxResponse(fileName: string, write: (out: Writable) => Promise<void>): Response {
  const out = new PassThrough({ highWaterMark: EXPORT_HIGH_WATER_MARK });
  write(out).catch((e: unknown) => {
    console.error("[imports] sheet failed", e);
    out.destroy(e as Error);
  });
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(fileName, fileName.replace(/[^\x20-\x7e]/g, "_")),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
