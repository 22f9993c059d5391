import type { PageSetup } from "exceljs";
import type { TColumn } from "./sheet";

/**
 * The font every XLSX cell names, header and title included: without one Excel falls back to
 * the workbook default (Calibri), which has no CJK glyphs, and prints Chinese in whatever the
 * printer driver substitutes. charset 134 is GB2312, so Excel picks the Chinese face.
 */
export const CJK_FONT = { name: "宋体", family: 3, charset: 134, size: 11 } as const;

/** Total column width (in characters) above which a sheet prints landscape: portrait A4 holds about 90. */
export const LANDSCAPE_FROM = 100;

/** A4 in the OOXML paperSize enumeration (exceljs' PaperSize is a const enum). */
const A4 = 9 as PageSetup["paperSize"];

/**
 * Print settings: A4, all columns on one page width (as many pages down as needed), landscape
 * for wide sheets, and the header row repeated at the top of every printed page.
 */
export function printSetup(columns: readonly TColumn[], headerRow: number): Partial<PageSetup> {
  const width = columns.reduce((n, c) => n + c.width, 0);
  return {
    paperSize: A4,
    orientation: width > LANDSCAPE_FROM ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}
