import "server-only";
import type { TTx } from "@/lib/db/client";
import type { TPlannedRow, TRowError } from "../lib/spec";

export type TStoredRow = {
  rowNo: number;
  action: TPlannedRow<unknown>["action"];
  cells: Record<string, string>;
  data?: unknown;
  targetId?: number;
  changes?: unknown;
  errors?: TRowError[];
};

/** Stores a chunk of classified rows with one INSERT … SELECT FROM jsonb_to_recordset. */
export async function storeRows(db: TTx, jobId: number, rows: readonly TStoredRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "ImportRow" ("jobId", "rowNo", action, cells, data, "targetId", changes, errors)
    SELECT ${jobId}, r."rowNo", r.action::"ImportRowAction", r.cells, r.data, r."targetId", r.changes, r.errors
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
      "rowNo" int, action text, cells jsonb, data jsonb, "targetId" int, changes jsonb, errors jsonb)`;
}
