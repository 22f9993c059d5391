import { z } from "zod";

// Objective codes: a plan's code prefix, then one number per level below the plan
// (main task . sub-item . measure). The 17th report's prefix is "3" (3, 3.1, 3.6.2.4);
// an imported plan's prefix is letters and digits without dots (e.g. "HB2027").

/** A plan's code prefix: 1–12 upper-case letters or digits, starting with either. */
export const PLAN_CODE_PREFIX_RE = /^[A-Z0-9]{1,12}$/;

/** Any objective code: a plan prefix and up to three numeric levels. */
export const OBJECTIVE_CODE_RE = /^[A-Z0-9]{1,12}(\.\d{1,4}){0,3}$/;

/** Query-string schema for an objective code (main task, sub-item or measure). */
export const zObjectiveCode = () => z.string().max(32, "invalid").regex(OBJECTIVE_CODE_RE, "invalid");

/** The code prefix of the plan an objective code belongs to: "3.6.2.4" → "3". */
export function planPrefixOf(code: string): string {
  const dot = code.indexOf(".");
  return dot < 0 ? code : code.slice(0, dot);
}

/** The main task's code of an objective code (null for the plan itself): "3.6.2.4" → "3.6". */
export function mainTaskCodeOf(code: string): string | null {
  const parts = code.split(".");
  return parts.length < 2 ? null : parts.slice(0, 2).join(".");
}
