// Why a whole file (or job) is refused. Each code has a catalogue text imports.jobErrors.<code>;
// `params` fill it in (the missing columns, a cell, a limit). The job is then FAILED and nothing
// was written to the target tables.
export const IMPORT_FAILURES = [
  "FILE_TYPE",
  "BAD_FILE",
  "ZIP_BOMB",
  "WRONG_TEMPLATE",
  "EMPTY_FILE",
  "TOO_MANY_ROWS",
  "MERGED_CELLS",
  "FORMULA",
  "STALE",
  "INTERRUPTED",
  "INTERNAL",
] as const;

export type TImportFailure = (typeof IMPORT_FAILURES)[number];

export class ImportFileError extends Error {
  constructor(
    public readonly code: TImportFailure,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(`import refused: ${code}`);
    this.name = "ImportFileError";
  }
}

/** Spreadsheet rows below the header (Excel's own limit is 1,048,576 rows including the header). */
export const MAX_DATA_ROWS = 1_048_576;
