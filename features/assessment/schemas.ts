import { z } from "zod";
import { ZDay, zId, zText } from "@/lib/input";

// 考评方案 rules, shared by the scheme form and the server (messages: validation.* and
// assessment.validation.*). Points carry at most 2 decimals; scores are computed in hundredths.

/** Points rules (加分) and deductions (扣分), by what they count in the record. */
export const POSITIVE_KINDS = ["COMPLETED", "ON_TIME", "REPORT_ON_TIME", "INDICATOR"] as const;
export const DEDUCTION_KINDS = ["OVERDUE", "RETURNED", "LATE_REPORT", "MISSING_REPORT", "NUDGED"] as const;
export const GRADES = ["EXCELLENT", "GOOD", "PASS", "FAIL"] as const;
export type TGrade = (typeof GRADES)[number];
export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;

const twoDecimals = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
/** A number of points: 0 … 1000, at most 2 decimals. */
export const zPoints = z.coerce
  .number("invalid")
  .min(0, "invalid")
  .max(1000, "invalid")
  .refine(twoDecimals, "decimals");
const zMax = zPoints.optional();
const zRuleId = z.string().regex(/^[a-z0-9-]{1,20}$/, "invalid");

const ZCompleted = z.object({
  id: zRuleId,
  kind: z.literal("COMPLETED"),
  points: zPoints,
  /** Each completed task counts points × its priority's weight. */
  weights: z.object({
    LOW: zPoints.refine((v) => v <= 10, "invalid"),
    NORMAL: zPoints.refine((v) => v <= 10, "invalid"),
    HIGH: zPoints.refine((v) => v <= 10, "invalid"),
    URGENT: zPoints.refine((v) => v <= 10, "invalid"),
  }),
  max: zMax,
});
const ZPerCount = z.object({
  id: zRuleId,
  kind: z.enum(["ON_TIME", "REPORT_ON_TIME", ...DEDUCTION_KINDS]),
  points: zPoints,
  /** The line's total is capped at this many points (a deduction: at most this many taken off). */
  max: zMax,
});
const ZIndicator = z.object({
  id: zRuleId,
  kind: z.literal("INDICATOR"),
  indicatorId: zId,
  /** Points at 100 % of the target; the share of the target reached counts up to `capRatio`. */
  points: zPoints,
  capRatio: z.coerce.number("invalid").min(0.01, "invalid").max(2, "invalid").refine(twoDecimals, "decimals"),
});
export const ZRule = z.discriminatedUnion("kind", [ZCompleted, ZPerCount, ZIndicator]);
export type TRule = z.infer<typeof ZRule>;

export const ZSchemeRules = z
  .object({
    base: zPoints,
    rules: z.array(ZRule).max(30, "invalid"),
    /** The least total of each grade (优秀 ≥ EXCELLENT > 良好 ≥ GOOD > 合格 ≥ PASS > 不合格). */
    bands: z.object({ EXCELLENT: zPoints, GOOD: zPoints, PASS: zPoints }),
    /** A unit with a veto item (一票否决) gets at most this grade. */
    vetoGrade: z.enum(["PASS", "FAIL"]).default("FAIL"),
  })
  .superRefine((v, ctx) => {
    const ids = v.rules.map((r) => r.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: "duplicate" });
    });
    if (!(v.bands.EXCELLENT > v.bands.GOOD && v.bands.GOOD > v.bands.PASS))
      ctx.addIssue({ code: "custom", path: ["bands"], message: "bandsOrder" });
  });
export type TSchemeRules = z.infer<typeof ZSchemeRules>;

export const ITEM_KINDS = ["BONUS", "DEDUCTION", "VETO"] as const;
/**
 * A manual item (加分 / 扣分 / 一票否决) of a scheme's series for one unit, with a reason. A BONUS or
 * DEDUCTION carries points (> 0); a VETO carries none (its points become 0).
 */
/** Evidence files per manual item. */
export const MAX_ITEM_EVIDENCE = 5;
export const ZItemInput = z
  .object({
    seriesId: zId,
    orgId: zId,
    kind: z.enum(ITEM_KINDS, "invalid"),
    points: z.union([z.literal(""), zPoints]).optional(),
    reason: zText().trim().min(1, "required").max(500, "tooLong"),
    /** Uploaded first (POST /api/assessment/evidence), linked when the item is saved. */
    evidenceIds: z.array(zId).max(MAX_ITEM_EVIDENCE, "evidenceTooMany").default([]),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "VETO" && !(typeof v.points === "number" && v.points > 0))
      ctx.addIssue({ code: "custom", path: ["points"], message: "required" });
  })
  .transform((v) => ({ ...v, points: v.kind === "VETO" ? 0 : Number(v.points) }));
export type TItemInput = z.output<typeof ZItemInput>;
export const ZItemRef = z.object({ itemId: zId });
export type TItemRef = z.output<typeof ZItemRef>;

// ——— 考评结果: publish, 申诉 (messages: assessmentResults.validation.* first, then validation.*).

/** Publish a scheme's scores as of a day (default today in China), open to objections until the deadline. */
export const ZPublishResult = z.object({
  schemeId: zId,
  asOf: z.union([z.literal(""), ZDay]).optional(),
  objectionDeadline: ZDay,
  /** 发文字号 of the 考评通报. */
  docNumber: zText().trim().max(60, "tooLong").optional(),
});
export type TPublishResult = z.output<typeof ZPublishResult>;

/** A line of a score sheet: a rule id or `item:<id>`. */
const zLineKey = z.string().regex(/^(item:\d{1,10}|[a-z0-9-]{1,20})$/, "invalid");

export const ZRaiseObjection = z.object({
  resultId: zId,
  lineKey: zLineKey,
  reason: zText().trim().min(1, "required").max(1000, "tooLong"),
});
export type TRaiseObjection = z.output<typeof ZRaiseObjection>;

/** Signed points of one line after an accepted objection (a deduction is negative). */
const zLinePoints = z.coerce
  .number("invalid")
  .min(-1000, "invalid")
  .max(1000, "invalid")
  .refine(twoDecimals, "decimals");

export const ZDecideObjection = z.discriminatedUnion("decision", [
  z.object({
    objectionId: zId,
    decision: z.literal("ACCEPT"),
    points: zLinePoints,
    note: zText().trim().max(500, "tooLong").optional(),
  }),
  z.object({
    objectionId: zId,
    decision: z.literal("REJECT"),
    note: zText().trim().min(1, "required").max(500, "tooLong"),
  }),
]);
export type TDecideObjection = z.output<typeof ZDecideObjection>;

// ——— 考评方案 (a scheme version): the form and the actions share these (messages:
// assessmentSchemes.validation.* first, then validation.*).

/** The levels a LEVEL scheme may score (always below the defining org's level). */
export const SCHEME_LEVELS = ["PROVINCE", "CITY", "COUNTY", "GRASSROOTS"] as const;
export const SCHEME_SCOPES = ["DIRECT", "LEVEL"] as const;

const ZSchemeFieldsBase = z.object({
  title: zText().trim().min(1, "required").max(100, "tooLong"),
  year: z.coerce.number("invalid").int("invalid").min(2000, "invalid").max(2100, "invalid"),
  scope: z.enum(SCHEME_SCOPES, "invalid"),
  /** "" (the form's empty choice) and null mean none; required when scope = LEVEL. */
  level: z
    .union([z.literal(""), z.null(), z.enum(SCHEME_LEVELS, "invalid")])
    .optional()
    .transform((v) => v || null),
  /** "" and null: every plan. */
  planId: z
    .union([z.literal(""), z.null(), zId])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  rules: ZSchemeRules,
});

const levelWithScope = (v: { scope: string; level: string | null }, ctx: z.RefinementCtx) => {
  if (v.scope === "LEVEL" && !v.level) ctx.addIssue({ code: "custom", path: ["level"], message: "required" });
};

/** A scheme's fields (create; the form). */
export const ZSchemeFields = ZSchemeFieldsBase.superRefine(levelWithScope);
export type TSchemeFields = z.output<typeof ZSchemeFields>;
export const ZCreateScheme = ZSchemeFields;
/** A DRAFT's fields, replaced as a whole. */
export const ZUpdateScheme = ZSchemeFieldsBase.extend({ schemeId: zId }).superRefine(levelWithScope);
export type TUpdateScheme = z.output<typeof ZUpdateScheme>;
/** Publish, new version, delete draft: one scheme version. */
export const ZSchemeRef = z.object({ schemeId: zId });
export type TSchemeRef = z.output<typeof ZSchemeRef>;
