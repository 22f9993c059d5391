import "server-only";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { CJK_FONT, printSetup } from "../lib/print-setup";
import { neutraliseFormula } from "../lib/safe-text";
import type { TCellKind, TColumn, TRow, TSheet } from "../lib/sheet";
import { drained } from "./stream-out";

const NUM_FMT: Partial<Record<TCellKind, string>> = {
  int: "0",
  decimal: "0.0",
  points: "0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
};

/**
 * One style object per kind, weight and emptiness, shared by every such cell: exceljs resolves a
 * style once per object (a WeakMap) and otherwise renders each cell's style to XML to look it up,
 * which took most of the time of a large export. Never mutated.
 */
const STYLES = new Map<TCellKind, Partial<ExcelJS.Style>[]>();
function cellStyle(kind: TCellKind, bold: boolean, empty: boolean): Partial<ExcelJS.Style> {
  let ofKind = STYLES.get(kind);
  if (!ofKind) STYLES.set(kind, (ofKind = []));
  const numFmt = empty ? undefined : NUM_FMT[kind];
  return (ofKind[(bold ? 2 : 0) + (empty ? 1 : 0)] ??= {
    font: { ...CJK_FONT, bold },
    ...(numFmt ? { numFmt } : {}),
  });
}

function addRow(
  ws: ExcelJS.Worksheet,
  cells: TRow,
  { columns, bold = false }: { columns: TColumn[]; bold?: boolean },
): ExcelJS.Row {
  const row = ws.addRow(cells.map((v) => (typeof v === "string" ? neutraliseFormula(v) : v)));
  cells.forEach((v, i) => {
    // The style is shared, so exceljs sees one value type per style: a day in a column not typed as one gets the date style.
    const kind = columns[i]?.kind ?? "text";
    row.getCell(i + 1).style = cellStyle(
      v instanceof Date && !NUM_FMT[kind] ? "date" : kind,
      bold,
      v === null,
    );
  });
  return row;
}

const MAX_ZIP_BACKLOG = 1 << 20;

/**
 * Bytes of sheet XML handed to the zip but not yet compressed. exceljs' StreamBuf writes into
 * archiver's entry stream without heeding backpressure, so XML produced faster than deflate
 * (or than the client reads) piles up there; 0 when the internals are not as expected.
 */
function zipBacklog(ws: ExcelJS.Worksheet): number {
  const pipes = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  if (!Array.isArray(pipes)) return 0;
  return pipes.reduce<number>(
    (n, p) => n + ((p as { _writableState?: { length?: number } })._writableState?.length ?? 0),
    0,
  );
}

/** Waits until the zip has caught up and the reader can take more (or has gone away). */
async function settle(ws: ExcelJS.Worksheet, out: Writable): Promise<void> {
  while (!out.destroyed && zipBacklog(ws) > MAX_ZIP_BACKLOG) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await drained(out);
}

/** Excel's rows per worksheet (the header included). */
export const XLSX_MAX_ROWS = 1_048_576;

/** rowsPerSheet: rows per worksheet, title block and header included (Excel's limit by default; small in tests). */
export type TXlsxOptions = { rowsPerSheet?: number };

/**
 * Streams the sheet as XLSX through exceljs' WorkbookWriter: rows are committed (turned
 * into XML and handed to the zip) as they are written, inline strings instead of a
 * shared-string table, so memory stays flat however many rows there are. A body longer
 * than a worksheet holds continues on "name (2)", "name (3)" …, each with the title block
 * and header again.
 */
export async function writeXlsx(sheet: TSheet, out: Writable, opts: TXlsxOptions = {}): Promise<void> {
  await writeXlsxBook([sheet], out, opts);
}

/** Several sheets in one workbook, written one after the other (each streamed, and split, as above). */
export async function writeXlsxBook(
  sheets: readonly TSheet[],
  out: Writable,
  { rowsPerSheet = XLSX_MAX_ROWS }: TXlsxOptions = {},
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  for (const sheet of sheets) {
    if (!(await writeSheet(wb, sheet, { out, rowsPerSheet }))) return;
  }
  await wb.commit();
}

/** Rows above the body: the title lines and a blank row (when there are any), then the header. */
export const headerRows = (sheet: Pick<TSheet, "titleLines">) =>
  sheet.titleLines.length ? sheet.titleLines.length + 2 : 1;

/** Body (and footer) rows one worksheet holds under the limit; an error when not even one fits. */
export function dataRowsPerSheet(sheet: Pick<TSheet, "titleLines">, rowsPerSheet = XLSX_MAX_ROWS): number {
  const n = rowsPerSheet - headerRows(sheet);
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`rowsPerSheet ${rowsPerSheet} leaves no room for rows`);
  return n;
}

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** The n-th worksheet of a sheet: the name itself, then "name (2)", "name (3)" …, within 31 characters. */
export function partName(name: string, n: number): string {
  if (n === 1) return name.slice(0, MAX_SHEET_NAME);
  const suffix = ` (${n})`;
  return name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/** One sheet, over as many worksheets as its rows need; false when the reader went away. */
async function writeSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: TSheet,
  { out, rowsPerSheet }: { out: Writable; rowsPerSheet: number },
) {
  const capacity = dataRowsPerSheet(sheet, rowsPerSheet);
  const at = { ws: null as ExcelJS.Worksheet | null, parts: 0, used: 0 };
  // A worksheet is opened when a row needs one: a body that exactly fills a sheet leaves no empty one after it.
  const put = (cells: TRow, bold: boolean) => {
    if (!at.ws || at.used === capacity) {
      at.ws?.commit();
      at.ws = openWorksheet(wb, sheet, ++at.parts);
      at.used = 0;
    }
    addRow(at.ws, cells, { columns: sheet.columns, bold }).commit();
    at.used++;
  };
  for await (const chunk of sheet.rows) {
    for (const cells of chunk) put(cells, false);
    if (at.ws) await settle(at.ws, out);
    if (out.destroyed) return false;
  }
  for (const cells of sheet.footer ?? []) put(cells, true);
  (at.ws ?? openWorksheet(wb, sheet, 1)).commit();
  return true;
}

/** A worksheet with the sheet's title block, header, frozen header, filter and print setup. */
function openWorksheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: TSheet, n: number): ExcelJS.Worksheet {
  const headerRow = headerRows(sheet);
  const lastCol = columnLetter(sheet.columns.length);
  const ws = wb.addWorksheet(partName(sheet.name, n), {
    views: [{ state: "frozen", ySplit: headerRow, xSplit: 0 }],
    pageSetup: printSetup(sheet.columns, headerRow),
  });
  ws.autoFilter = `A${headerRow}:${lastCol}${headerRow}`;
  // The column style gives every cell of the column the font, also those left empty.
  ws.columns = sheet.columns.map((c) => ({ width: c.width, style: { font: CJK_FONT } }));
  sheet.titleLines.forEach((line, i) => {
    const row = ws.addRow([neutraliseFormula(line)]);
    row.getCell(1).font = i === 0 ? { ...CJK_FONT, bold: true, size: 14 } : CJK_FONT;
    row.commit();
  });
  if (sheet.titleLines.length) ws.addRow([]).commit();
  const header = ws.addRow(sheet.columns.map((c) => neutraliseFormula(c.header)));
  header.eachCell((cell) => (cell.font = { ...CJK_FONT, bold: true }));
  header.commit();
  return ws;
}

/** Column letters for 1-based index n (A … Z, AA …). */
function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
