import type { TImportColumn } from "./spec";
import { ImportFileError } from "./failures";
import { normaliseText } from "./normalise";

const clean = (h: string) =>
  normaliseText(h)
    .replace(/\s+/g, "")
    .replace(/[*＊]$/, "")
    .toLowerCase();

/**
 * Maps each template column to its index in the header row (Chinese or English header, any order,
 * extra columns ignored). Every template column must be there: a missing optional column would
 * otherwise read as empty and clear the field. Throws WRONG_TEMPLATE naming the missing headers.
 */
export function mapHeaders(columns: readonly TImportColumn[], header: readonly string[]): number[] {
  const cells = header.map(clean);
  const indexes = columns.map((c) => {
    const i = cells.indexOf(clean(c.header));
    return i >= 0 ? i : cells.indexOf(clean(c.headerEn));
  });
  const missing = columns.filter((_, k) => indexes[k]! < 0).map((c) => c.header);
  if (missing.length > 0) throw new ImportFileError("WRONG_TEMPLATE", { missing: missing.join("、") });
  return indexes;
}
