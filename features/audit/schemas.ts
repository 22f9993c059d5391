import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";

export const AUDIT_OUTCOMES = ["SUCCESS", "FAILURE", "DENIED"] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid")
  .refine((s) => !Number.isNaN(new Date(`${s}T00:00:00+08:00`).getTime()), "invalid");
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());

/** The audit page's filter (query string), also the export's: every field optional. */
export const ZAuditFilter = z.object({
  from: opt(day),
  to: opt(day),
  action: opt(z.enum(AUDIT_ACTIONS, { message: "invalid" })),
  outcome: opt(z.enum(AUDIT_OUTCOMES, { message: "invalid" })),
  actor: opt(z.string().trim().toLowerCase().max(64, "invalid")),
  target: opt(z.string().trim().max(80, "invalid")),
  /** The last id of the previous page (ids are 64-bit: kept as digits). */
  cursor: opt(z.string().regex(/^\d{1,19}$/, "invalid")),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

export const ZAuditExport = ZAuditFilter.extend({ format: z.enum(["csv", "xlsx"], { message: "invalid" }) });

/** The query's known parameters as strings (the first of each). */
export function auditQueryInput(sp: URLSearchParams): Record<string, string | undefined> {
  const keys = ["from", "to", "action", "outcome", "actor", "target", "cursor", "format"];
  return Object.fromEntries(keys.map((k) => [k, sp.get(k) ?? undefined]));
}
