import { z } from "zod";
import { zId } from "@/lib/input";
import { FORMATS } from "./lib/file-name";

// Query of GET /api/exports/{completion,ledger}. Messages are validation.* codes.
export const ZExportQuery = z.object({
  /** The org whose table or subtree is exported; the user's own org when absent. */
  org: zId.optional(),
  /** Only measures under this objective (main task, sub-item or measure code). */
  objective: z
    .string()
    .max(32, "invalid")
    .regex(/^\d+(\.\d+)*$/, "invalid")
    .optional(),
  format: z.enum(FORMATS, "invalid").default("xlsx"),
});

export type TExportQuery = z.infer<typeof ZExportQuery>;

/** URL search params as the schema's input; empty values count as absent. */
export function exportQueryInput(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
}
