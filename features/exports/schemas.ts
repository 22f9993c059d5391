import { PLAN_CODE_PREFIX_RE, zObjectiveCode } from "@/lib/objective-code";
import { z } from "zod";
import { zId } from "@/lib/input";
import { FORMATS } from "./lib/file-name";

// Query of GET /api/exports/{completion,ledger}. Messages are validation.* codes.
export const ZExportQuery = z.object({
  /** The org whose table or subtree is exported; the user's own org when absent. */
  org: zId.optional(),
  /** Only measures under this objective (main task, sub-item or measure code). */
  objective: zObjectiveCode().optional(),
  /** The plan (code prefix) whose tasks are exported; the current plan when absent. */
  plan: z.string().regex(PLAN_CODE_PREFIX_RE, "invalid").optional(),
  format: z.enum(FORMATS, "invalid").default("xlsx"),
  /** The completion table also gets this indicator's target, actual and % of target (features/indicators). */
  indicator: zId.optional(),
});

export type TExportQuery = z.infer<typeof ZExportQuery>;

/** URL search params as the schema's input; empty values count as absent. */
export function exportQueryInput(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
}
