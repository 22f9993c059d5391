// A cell whose text starts with one of these is taken as a formula by Excel, LibreOffice
// and Google Sheets (CSV injection). Tab and carriage return are on OWASP's list as well.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text safe to put in a spreadsheet cell: formula-like text gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
