import "server-only";
import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import { assertSafeZip, looksLikeZip, ZipRejected } from "@/lib/zip-guard";
import { probeFirstSheet } from "@/features/imports/lib/xlsx-probe";
import { MAX_SPLIT_RECIPIENTS } from "../schemas";
import { readTargetRows, type TSheetTargets } from "../lib/target-sheet";

/** A 目标分解表 is small: one row per receiving org. */
export const MAX_TARGET_SHEET_BYTES = 512 * 1024;
const LIMITS = {
  maxEntries: 200,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxRatio: 200,
};

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number") return String(v);
  const o = v as Record<string, unknown>;
  // A formula's cached result may be stale: refused as a bad number (its text is not a digit string).
  if ("formula" in o || "sharedFormula" in o) return "=";
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
  if (typeof o.text === "string") return o.text;
  return "";
};

/**
 * Reads the first sheet of an uploaded XLSX as 工会代码 → 目标值. Checked before exceljs opens it:
 * its size, that it is a ZIP, the archive's real inflated sizes (zip-guard), and the rows the
 * sheet claims. Any failure is FILE_TOO_LARGE, FILE_TYPE or VALIDATION (never the parser's text).
 */
export async function readTargetSheet(bytes: Buffer): Promise<TSheetTargets> {
  if (bytes.length === 0) throw new AppError("VALIDATION", { file: "required" });
  if (bytes.length > MAX_TARGET_SHEET_BYTES) throw new AppError("FILE_TOO_LARGE");
  if (!looksLikeZip(bytes)) throw new AppError("FILE_TYPE");
  try {
    assertSafeZip(bytes, LIMITS);
  } catch (e) {
    if (e instanceof ZipRejected)
      throw new AppError(e.problem === "TOO_LARGE" ? "FILE_TOO_LARGE" : "FILE_TYPE");
    throw e;
  }
  const probe = await probeFirstSheet(bytes, MAX_SPLIT_RECIPIENTS + 1);
  if (!probe) throw new AppError("FILE_TYPE");
  if (probe.claimedRows !== null && probe.claimedRows > MAX_SPLIT_RECIPIENTS + 1)
    throw new AppError("TOO_MANY");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError("FILE_TYPE");
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError("FILE_TYPE");
  if (sheet.actualRowCount > MAX_SPLIT_RECIPIENTS + 1) throw new AppError("TOO_MANY");
  const rows: { rowNo: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let c = 1; c < Math.max(values.length, 3); c++) cells.push(cellText(values[c]).trim());
    rows.push({ rowNo: row.number, cells });
  });
  return readTargetRows(rows);
}
