import { PLAN_CODE_PREFIX_RE, zObjectiveCode } from "@/lib/objective-code";
import { z } from "zod";
import { zId, zText } from "@/lib/input";
import { COMPLETION_VIEWS } from "./lib/completion-url";

const id = zId;

/** The completion pages' query: bad values fall back to the defaults instead of failing. */
export const ZCompletionQuery = z.object({
  org: id.optional().catch(undefined),
  objective: zObjectiveCode().optional().catch(undefined),
  /** A plan's code prefix: makes that plan current (ignored when the user does not see it). */
  plan: z.string().regex(PLAN_CODE_PREFIX_RE).optional().catch(undefined),
  view: z
    .enum(COMPLETION_VIEWS as [string, ...string[]])
    .optional()
    .catch(undefined),
  page: id.optional().catch(undefined),
});
export type TCompletionQuery = z.infer<typeof ZCompletionQuery>;

/** 发文字号 of a 通报 (e.g. 冀工督〔2026〕3号): optional, trimmed, one line; empty means none. */
export const DOC_NO_MAX = 40;
export const ZDocNo = zText()
  .trim()
  .max(DOC_NO_MAX)
  .regex(/^[^\p{Cc}]*$/u)
  .transform((s) => s || undefined);
