import { looksLikeZip } from "@/lib/zip-guard";

export type TSniffed = "XLSX" | "CSV" | null;

// An upload is taken for what its bytes are, whatever its name says: a ZIP archive is an XLSX
// candidate (zip-guard and exceljs decide), text without NUL bytes is CSV, an empty file is read as
// an empty CSV (and refused as EMPTY_FILE). Anything else (an old .xls, a picture …) is refused.
export function sniffImportFile(bytes: Uint8Array): TSniffed {
  if (bytes.length === 0) return "CSV";
  if (looksLikeZip(bytes)) return "XLSX";
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return null;
  return "CSV";
}

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** The uploaded file's name as shown in the job list: its last path part, visible characters only. */
export function importFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  return base.replace(INVISIBLE, "").trim().slice(0, 120) || "upload";
}
