// Cell values as the pipeline hands them to a kind's rowSchema: always a string, trimmed, with
// full-width ASCII (ＡＢＣ１２３，＠) and the ideographic space turned into ASCII. Only that block is
// mapped (not NFKC), so names keep characters such as ① or ㈠ as typed.

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space (U+3000) → space, then trim. */
export function normaliseText(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .trim();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A date cell as text: YYYY-MM-DD (exceljs gives spreadsheet dates as UTC midnight). */
export function dateText(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A number cell as text: integers without exponent or grouping, other numbers as JavaScript prints them. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}
