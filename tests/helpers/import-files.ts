import ExcelJS from "exceljs";
import JSZip from "jszip";
import { ORG_COLUMNS } from "@/features/organizations/import/row-schema";

export const ORG_HEADERS = ORG_COLUMNS.map((c) => c.header);

/** An XLSX workbook whose first sheet holds `rows` (header first); `edit` may add merges, formulas … */
export async function xlsxOf(rows: unknown[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("基层工会");
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV text (UTF-8 with BOM) of `rows`. */
export function csvOf(rows: string[][]): Buffer {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return Buffer.from(`\ufeff${rows.map((r) => r.map(esc).join(",")).join("\r\n")}\r\n`, "utf8");
}

/**
 * A zip bomb disguised as XLSX: a real workbook (its name and type say so) whose sheet inflates to
 * 60 MiB of zeros, in well under 200 KB.
 */
export async function zipBombOf(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.file("xl/worksheets/sheet1.xml", new Uint8Array(60 * 1024 * 1024));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
