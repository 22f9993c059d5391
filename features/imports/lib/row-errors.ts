import type { z } from "zod";
import type { TRowError } from "./spec";

/**
 * A failed rowSchema parse as row errors: the schemas' messages are catalogue codes and the first
 * path segment is the column key. One error per column (the first issue), in column order.
 */
export function rowErrorsOf(error: z.ZodError, columnOrder: readonly string[]): TRowError[] {
  const byColumn = new Map<string, TRowError>();
  for (const issue of error.issues) {
    const column = String(issue.path[0] ?? "");
    if (!byColumn.has(column)) byColumn.set(column, { column, code: issue.message });
  }
  return [...byColumn.values()].sort(
    (a, b) => columnOrder.indexOf(a.column!) - columnOrder.indexOf(b.column!),
  );
}
