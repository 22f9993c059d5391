import { PLAN_CODE_PREFIX_RE, zObjectiveCode } from "@/lib/objective-code";
import { ZDay, zId, zText } from "@/lib/input";
import { TASK_STATUSES } from "@/lib/task-status";
import { TASK_LIGHTS } from "@/features/lights/lib/light";
import { ZReportingRuleFields } from "@/features/reporting/schemas";
import { z } from "zod";

// Shared by the forms (zodResolver) and the server actions. Messages are codes that
// the UI turns into catalogue text (validation.* and tasks.validation.*).
/** Ids and versions: strict (digits only, 1..2³¹−1; `lib/input.ts#parseId`). */
const id = zId;
/** (Defined in lib/input.ts so that other features' schemas use it without importing this file.) */
export { ZDay };
const reason = zText().trim().min(2, "reasonRequired").max(500, "tooLong");
const optionalText = (max: number) =>
  zText()
    .trim()
    .max(max, "tooLong")
    .optional()
    .or(z.literal("").transform(() => undefined));
/** Generated once per form: a repeated submit (double click, retry) is recognised and not applied twice. */
const clientToken = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "invalid");
const version = zId;

/**
 * A whole percent 0..100, entered in a number box (a digit string) or sent as a number. Blank, null
 * or missing is "required", never 0 (as `z.coerce.number()` made it).
 */
export const zPercent = z
  .union([z.number(), z.string(), z.null(), z.undefined()], "percent")
  .transform((v, ctx): number => {
    const s = typeof v === "string" ? v.trim() : v;
    if (s === "" || s === null || s === undefined) {
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    const n = typeof s === "number" ? s : /^\d{1,3}$/.test(s) ? Number(s) : Number.NaN;
    if (!Number.isInteger(n) || n < 0 || n > 100) {
      ctx.addIssue({ code: "custom", message: "percent" });
      return z.NEVER;
    }
    return n;
  });

export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export const PROGRESS_STATES = ["NORMAL", "LAGGING", "AT_RISK"] as const;
export const TARGET_LEVELS = ["PROVINCE", "CITY", "COUNTY", "GRASSROOTS"] as const;

export const ZTaskTerms = z.object({
  dueDate: ZDay,
  /** A due date before today is accepted only when confirmed (backfilling an old 台账). */
  allowPastDue: z.boolean().default(false),
  priority: z.enum(PRIORITIES).default("NORMAL"),
  note: optionalText(500),
  targetValue: z
    .union([
      z.literal("").transform(() => undefined),
      z.coerce.number().nonnegative("number").max(1e12, "number"),
    ])
    .optional(),
  targetUnit: optionalText(20),
});

export const ZTarget = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("orgs"), orgIds: z.array(id).min(1, "targetsRequired").max(5000, "tooMany") }),
  z.object({ mode: z.literal("level"), level: z.enum(TARGET_LEVELS), underOrgId: id }),
]);

/**
 * An indicator value (target or cumulative actual): non-negative, at most 6 decimal places (what
 * TaskIndicator stores), up to 10¹². A digit string from a form or a number.
 */
export const zIndicatorValue = z.union([z.number(), z.string()], "number").transform((v, ctx): string => {
  const s = typeof v === "string" ? v.trim() : String(v);
  if (!/^\d{1,13}(\.\d{1,6})?$/.test(s) || Number(s) > 1e12) {
    ctx.addIssue({ code: "custom", message: "number" });
    return z.NEVER;
  }
  // The validated decimal text: a JS number would round large values with 6 decimal places.
  return s;
});

/**
 * 下达/分解 targets of the measure's indicators, one value per receiving org (the form computes them
 * from a split: typed, equal, by weight or from a sheet, and shows them before sending). Only when
 * exactly one measure is assigned; every receiving org must be listed, and no other.
 */
export const ZIndicatorTargets = z
  .array(
    z.object({
      indicatorId: id,
      targets: z.array(z.object({ orgId: id, target: zIndicatorValue })).max(5000, "tooMany"),
    }),
  )
  .max(20, "tooMany");

export const ZAssignTasks = ZTaskTerms.extend({
  clientToken,
  objectiveIds: z.array(id).min(1, "objectivesRequired").max(500, "tooMany"),
  target: ZTarget,
  /** Set when an org passes its own task further down (分解). */
  parentTaskId: id.optional(),
  indicatorTargets: ZIndicatorTargets.optional(),
  /** 定期报送 required of this 下达 (a rule on the batch the assignment creates). */
  reporting: ZReportingRuleFields.optional(),
});
export type TAssignTasks = z.infer<typeof ZAssignTasks>;

/** The 下达 form asks to confirm, naming the count, when a choice reaches more orgs than this. */
export const CONFIRM_TARGETS_ABOVE = 50;
export const ZCountTargets = z.object({ target: ZTarget, parentTaskId: id.optional() });
export type TCountTargets = z.infer<typeof ZCountTargets>;

export const ZClaimTask = z.object({ objectiveId: id, dueDate: ZDay, note: optionalText(500) });
export type TClaimTask = z.infer<typeof ZClaimTask>;

export const ZTaskRef = z.object({ taskId: id, version });
export const ZReasoned = ZTaskRef.extend({ reason });
export const ZReassign = ZTaskRef.extend({
  dueDate: z.union([z.literal("").transform(() => undefined), ZDay]).optional(),
  note: optionalText(500),
});

/** 转派: a handed-back task to another unit, with the same terms unless changed. */
export const ZTransfer = ZTaskRef.extend({
  clientToken,
  orgId: id,
  dueDate: z.union([z.literal("").transform(() => undefined), ZDay]).optional(),
  note: optionalText(500),
});
export type TTransfer = z.infer<typeof ZTransfer>;

export const ZAssignStaff = ZTaskRef.extend({
  responsibleId: id,
  helperIds: z.array(id).max(20, "tooMany").default([]),
});
export type TAssignStaff = z.infer<typeof ZAssignStaff>;

export const ZLogProgress = ZTaskRef.extend({
  clientToken,
  percent: zPercent,
  state: z.enum(PROGRESS_STATES),
  narrative: zText().trim().min(2, "narrativeRequired").max(2000, "tooLong"),
  value: z
    .union([
      z.literal("").transform(() => undefined),
      z.coerce.number().nonnegative("number").max(1e12, "number"),
    ])
    .optional(),
  attachmentIds: z.array(id).max(30, "tooMany").default([]),
  /** Cumulative actuals of the measure's indicators (a task passed down derives them instead). */
  indicatorValues: z
    .array(z.object({ indicatorId: id, value: zIndicatorValue }))
    .max(20, "tooMany")
    .optional(),
});
export type TLogProgress = z.infer<typeof ZLogProgress>;

export const ZSubmitCompletion = ZTaskRef.extend({
  clientToken,
  summary: zText().trim().min(5, "summaryRequired").max(4000, "tooLong"),
  attachmentIds: z.array(id).max(30, "tooMany").default([]),
});
export type TSubmitCompletion = z.infer<typeof ZSubmitCompletion>;

export const ZReview = ZTaskRef.extend({
  decision: z.enum(["APPROVED", "RETURNED"]),
  note: optionalText(500),
}).refine((v) => v.decision === "APPROVED" || (v.note !== undefined && v.note.length >= 2), {
  message: "reasonRequired",
  path: ["note"],
});
export type TReview = z.infer<typeof ZReview>;

export const ZRequestExtension = ZTaskRef.extend({ clientToken, toDue: ZDay, reason });
export type TRequestExtension = z.infer<typeof ZRequestExtension>;

export const ZDecideExtension = ZTaskRef.extend({
  extensionId: id,
  approve: z.boolean(),
  note: optionalText(500),
});
export type TDecideExtension = z.infer<typeof ZDecideExtension>;

export const ZNudge = z.object({ taskId: id, message: optionalText(200) });
export const ZComment = z.object({
  taskId: id,
  message: zText().trim().min(1, "required").max(1000, "tooLong"),
});

export const TASK_FILTER_STATUSES = TASK_STATUSES;
export const ZTaskFilters = z.object({
  status: z.enum(TASK_FILTER_STATUSES).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  /** 红黄绿灯 (features/lights): only open tasks of that light. */
  light: z.enum(TASK_LIGHTS).optional().catch(undefined),
  org: id.optional().catch(undefined),
  main: id.optional().catch(undefined),
  kind: z.enum(["ASSIGNED", "CLAIMED"]).optional().catch(undefined),
  batch: id.optional().catch(undefined),
  /** An objective code (main task, sub-item or measure): the tasks of the measures under it. */
  objective: zObjectiveCode().optional().catch(undefined),
  /** A plan's code prefix: only its tasks (the page puts the current plan here). */
  plan: z.string().regex(PLAN_CODE_PREFIX_RE).optional().catch(undefined),
  mine: z.enum(["1"]).optional().catch(undefined),
  /** With `org`: only the tasks counted in that org's completion figures (each chain once). */
  counted: z.enum(["1"]).optional().catch(undefined),
  q: zText().trim().max(50).optional().catch(undefined),
  cursor: id.optional().catch(undefined),
});
export type TTaskFilters = z.infer<typeof ZTaskFilters>;
