import "server-only";
import { getDb } from "@/lib/db/client";
import type { ImportRowAction } from "@/lib/generated/prisma/client";
import type { TRowError } from "../lib/spec";

export const ROWS_PAGE = 50;

export type TRowView = {
  rowNo: number;
  action: ImportRowAction;
  cells: Record<string, string>;
  changes: Record<string, [unknown, unknown]> | null;
  errors: TRowError[] | null;
};

/** A page of a job's rows (the caller has found the job in scope), by row number, one action or all. */
export async function listImportRows(
  jobId: number,
  opts: { action?: ImportRowAction; after?: number },
): Promise<{ items: TRowView[]; nextAfter: number | null }> {
  const rows = await getDb().importRow.findMany({
    where: { jobId, action: opts.action, rowNo: { gt: opts.after ?? 0 } },
    orderBy: { rowNo: "asc" },
    take: ROWS_PAGE + 1,
    select: { rowNo: true, action: true, cells: true, changes: true, errors: true },
  });
  const items = rows.slice(0, ROWS_PAGE) as unknown as TRowView[];
  return { items, nextAfter: rows.length > ROWS_PAGE ? items.at(-1)!.rowNo : null };
}
