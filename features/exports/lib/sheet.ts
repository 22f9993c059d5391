// The shape both writers (CSV, XLSX) consume: a title block, typed columns and rows
// that arrive in chunks, so a writer never needs the whole table at once.
export type TCellKind = "text" | "int" | "decimal" | "points" | "percent" | "date";

/** text: string; int/decimal/points (2 decimals): number; percent: a ratio 0…1; date: a calendar day as UTC midnight. */
export type TCell = string | number | Date | null;
export type TRow = TCell[];

export type TColumn = { header: string; kind: TCellKind; width: number };

export type TSheet = {
  /** The worksheet's name (XLSX). */
  name: string;
  /** Lines above the header (report title, filter, generation time); none = header first. */
  titleLines: string[];
  columns: TColumn[];
  /** The body, chunk by chunk. */
  rows: AsyncIterable<TRow[]>;
  /** Summary rows after the body (合计), emphasised in XLSX. */
  footer?: TRow[];
};

export async function* inChunks(rows: TRow[]): AsyncGenerator<TRow[]> {
  if (rows.length) yield rows;
}
