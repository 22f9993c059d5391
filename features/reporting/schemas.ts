import { z } from "zod";
import { ZDay, zId } from "@/lib/input";
import { DUE_DAY_MAX } from "./lib/periods";

// Shared by the plan edit page's reporting-rule form and the server actions (messages: validation.*
// and reporting.validation.*).

export const REPORT_FREQUENCIES = ["WEEKLY", "MONTHLY", "QUARTERLY"] as const;

/** The form's own fields (the action adds what the rule is on). */
export const ZReportingRuleFields = z
  .object({
    frequency: z.enum(REPORT_FREQUENCIES, "invalid"),
    dueDay: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(31, "invalid"),
    startDate: ZDay,
    endDate: ZDay,
  })
  .superRefine((v, ctx) => {
    if (v.dueDay > DUE_DAY_MAX[v.frequency])
      ctx.addIssue({ code: "custom", path: ["dueDay"], message: "invalid" });
    if (v.endDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "endBeforeStart" });
  });
export type TReportingRuleFields = z.infer<typeof ZReportingRuleFields>;

/** Exactly one of plan, measure (objective) or 下达 batch. */
export const ZRuleTarget = z.union([
  z.object({ planId: zId }).strict(),
  z.object({ objectiveId: zId }).strict(),
  z.object({ batchId: zId }).strict(),
]);

export const ZCreateReportingRule = z.object({ target: ZRuleTarget, rule: ZReportingRuleFields });

/** The plan edit page's form: a rule on the plan or on one of its measures (plan:manage). */
export const ZCreatePlanReportingRule = z.object({
  target: z.union([z.object({ planId: zId }).strict(), z.object({ objectiveId: zId }).strict()]),
  rule: ZReportingRuleFields,
});

/** A rule on one 下达 batch (task:assign, the batch's assigner org). */
export const ZCreateBatchReportingRule = z.object({
  target: z.object({ batchId: zId }).strict(),
  rule: ZReportingRuleFields,
});
export type TCreateReportingRule = z.infer<typeof ZCreateReportingRule>;

export const ZRetireReportingRule = z.object({ ruleId: zId });
export type TRetireReportingRule = z.infer<typeof ZRetireReportingRule>;
