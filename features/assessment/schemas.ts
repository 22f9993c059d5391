import { z } from "zod";
import { zId, zText } from "@/lib/input";

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

export const ZItemInput = z.object({
  seriesId: zId,
  orgId: zId,
  kind: z.enum(["BONUS", "DEDUCTION", "VETO"]),
  points: zPoints,
  reason: zText().trim().min(1, "required").max(500, "tooLong"),
});
export type TItemInput = z.infer<typeof ZItemInput>;

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
