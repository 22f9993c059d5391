import "server-only";
import ExcelJS from "exceljs";
import { assertSafeZip, ZipRejected } from "@/lib/zip-guard";
import { csvRecords, decodeCsv } from "../lib/csv-read";
import { ImportFileError, MAX_DATA_ROWS } from "../lib/failures";
import { dateText, normaliseText, numberText } from "../lib/normalise";
import { probeFirstSheet } from "../lib/xlsx-probe";

export type TFileFormat = "XLSX" | "CSV";
/** One sheet row as normalised strings (index = column position), with its row number (header = 1). */
export type TSheetRow = { rowNo: number; cells: string[] };

const colName = (col: number): string =>
  (col > 26 ? colName(Math.floor((col - 1) / 26)) : "") + String.fromCharCode(65 + ((col - 1) % 26));

/**
 * A cell as text. Formulas are refused (FORMULA, naming the cell) rather than read from their cached
 * result: a result computed elsewhere may be stale or absent, and the importer should see the value
 * that is imported. Dates become YYYY-MM-DD text.
 */
function cellText(value: unknown, rowNo: number, col: number): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return normaliseText(value);
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  const v = value as Record<string, unknown>;
  if ("formula" in v || "sharedFormula" in v)
    throw new ImportFileError("FORMULA", { cell: `${colName(col)}${rowNo}` });
  if (Array.isArray(v.richText))
    return normaliseText((v.richText as { text?: string }[]).map((r) => r.text ?? "").join(""));
  if (typeof v.text === "string") return normaliseText(v.text);
  if (typeof v.error === "string") return v.error;
  return "";
}

async function* xlsxRows(bytes: Buffer): AsyncGenerator<TSheetRow> {
  try {
    assertSafeZip(bytes);
  } catch (e) {
    if (e instanceof ZipRejected)
      throw new ImportFileError(
        e.problem === "TOO_LARGE" || e.problem === "TOO_MANY_ENTRIES" ? "ZIP_BOMB" : "BAD_FILE",
      );
    throw e;
  }
  const probe = await probeFirstSheet(bytes, MAX_DATA_ROWS + 1);
  if (!probe) throw new ImportFileError("BAD_FILE");
  if (probe.claimedRows !== null && probe.claimedRows - 1 > MAX_DATA_ROWS)
    throw new ImportFileError("TOO_MANY_ROWS", { max: MAX_DATA_ROWS });
  if (probe.merge) throw new ImportFileError("MERGED_CELLS", { range: probe.merge });
  // The whole-workbook reader, not exceljs's streaming one: the streaming reader decodes each chunk of
  // the sheet's XML on its own and so corrupts a multi-byte character split between two chunks (seen
  // at 100,000 rows: 企业 read as ��业). The archive is already bounded by zip-guard.
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("BAD_FILE");
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new ImportFileError("BAD_FILE");
  const rows: TSheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c], row.number, c));
    rows.push({ rowNo: row.number, cells });
  });
  yield* rows;
}

function* csvRows(bytes: Buffer): Generator<TSheetRow> {
  const text = decodeCsv(bytes);
  // Records never outnumber line ends + 1; only a file with that many line ends is counted first,
  // so that an oversized file is refused before any of its rows is kept.
  if (text.split("\n", MAX_DATA_ROWS + 2).length > MAX_DATA_ROWS + 1) {
    let n = 0;
    for (const _ of csvRecords(text))
      if (++n - 1 > MAX_DATA_ROWS) throw new ImportFileError("TOO_MANY_ROWS", { max: MAX_DATA_ROWS });
  }
  let rowNo = 0;
  for (const record of csvRecords(text)) {
    rowNo++;
    yield { rowNo, cells: record.map(normaliseText) };
  }
}

/**
 * The rows of the file's first sheet, header first; blank rows are skipped. Refuses with an
 * ImportFileError: a zip bomb or a damaged file, a first sheet claiming or holding more than
 * MAX_DATA_ROWS rows below the header, merged cells, formulas.
 */
export async function* readSheet(bytes: Buffer, format: TFileFormat): AsyncGenerator<TSheetRow> {
  const rows = format === "XLSX" ? xlsxRows(bytes) : csvRows(bytes);
  for await (const row of rows) {
    if (row.rowNo - 1 > MAX_DATA_ROWS) throw new ImportFileError("TOO_MANY_ROWS", { max: MAX_DATA_ROWS });
    if (row.cells.some((c) => c !== "")) yield row;
  }
}
