import "server-only";
import { rowErrorsOf } from "../lib/row-errors";
import type { TImportSpec, TRowError } from "../lib/spec";
import type { TCellsRow } from "./read-rows";

export type TCheckedRow = TCellsRow & { data?: unknown; errors?: TRowError[] };

/**
 * Every row through the kind's rowSchema (the form's schema), then the match keys: rows sharing a
 * key are all errors (duplicateKey, naming the other rows), since the file cannot say which one wins.
 */
export function validateRows(spec: TImportSpec<unknown>, rows: readonly TCellsRow[]): TCheckedRow[] {
  const order = spec.columns.map((c) => c.key);
  const keys = new Map<string, number[]>();
  const out: (TCheckedRow & { key?: string })[] = rows.map((r) => {
    const parsed = spec.rowSchema.safeParse(r.cells);
    if (!parsed.success) return { ...r, errors: rowErrorsOf(parsed.error, order) };
    const key = spec.matchKey(parsed.data);
    const list = keys.get(key);
    if (list) list.push(r.rowNo);
    else keys.set(key, [r.rowNo]);
    return { ...r, data: parsed.data, key };
  });
  return out.map(({ key, ...r }) => {
    const same = key === undefined ? undefined : keys.get(key);
    if (!same || same.length < 2) return r;
    const rows = same.filter((n) => n !== r.rowNo).join("、");
    return { rowNo: r.rowNo, cells: r.cells, errors: [{ code: "duplicateKey", params: { rows } }] };
  });
}
