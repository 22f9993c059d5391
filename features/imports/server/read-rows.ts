import "server-only";
import { ImportFileError } from "../lib/failures";
import { mapHeaders } from "../lib/headers";
import type { TImportColumn } from "../lib/spec";
import { readSheet, type TFileFormat } from "./read-sheet";

export type TCellsRow = { rowNo: number; cells: Record<string, string> };

/**
 * The data rows of an uploaded file as cells by column key. The first non-blank row is the header
 * (WRONG_TEMPLATE when a template column is missing); no data row at all is EMPTY_FILE.
 */
export async function readRows(
  columns: readonly TImportColumn[],
  bytes: Buffer,
  format: TFileFormat,
): Promise<TCellsRow[]> {
  let indexes: number[] | null = null;
  const out: TCellsRow[] = [];
  for await (const row of readSheet(bytes, format)) {
    if (!indexes) {
      indexes = mapHeaders(columns, row.cells);
      continue;
    }
    const at = indexes;
    out.push({
      rowNo: row.rowNo,
      cells: Object.fromEntries(columns.map((c, k) => [c.key, row.cells[at[k]!] ?? ""])),
    });
  }
  if (out.length === 0) throw new ImportFileError("EMPTY_FILE");
  return out;
}
