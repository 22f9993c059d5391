import { z } from "zod";
import { zId, zText } from "@/lib/input";
import { PLAN_CODE_PREFIX_RE } from "@/lib/objective-code";
import { ZDay } from "@/lib/input";
import { intToChinese } from "@/features/objectives/lib/report-text";
import { DRAFT_MAX_DEPTH, DRAFT_TITLE_MAX, treeProblems, walk, type TDraftNode } from "./lib/draft-tree";

// Shared by the import page, the preview and the server actions. Messages are codes
// (validation.* and planImport.validation.*).

export const PLAN_KINDS = ["CONGRESS_REPORT", "WORK_POINTS", "OTHER"] as const;
/** Pasted text and extracted document text: about 100 pages of Chinese. */
export const MAX_TEXT_CHARS = 200_000;
export const MAX_DRAFT_NODES = 3_000;

const ZNode: z.ZodType<TDraftNode> = z.lazy(() =>
  z.object({
    id: z.string().regex(/^n\d{1,6}$/, "invalid"),
    title: zText().trim().min(1, "required").max(DRAFT_TITLE_MAX, "tooLong"),
    sourceText: zText().max(MAX_TEXT_CHARS, "tooLong"),
    children: z.array(ZNode).max(MAX_DRAFT_NODES, "tooMany"),
  }),
);

/** A draft tree as saved: any shape up to three levels below the plan. */
export const ZDraftTree = z
  .object({ sourceText: zText().max(MAX_TEXT_CHARS, "tooLong"), nodes: z.array(ZNode).max(MAX_DRAFT_NODES) })
  .superRefine((tree, ctx) => {
    const all = walk(tree);
    if (all.length > MAX_DRAFT_NODES) ctx.addIssue({ code: "custom", message: "tooMany" });
    if (all.some((e) => e.depth > DRAFT_MAX_DEPTH)) ctx.addIssue({ code: "custom", message: "tooDeep" });
    if (new Set(all.map((e) => e.node.id)).size !== all.length)
      ctx.addIssue({ code: "custom", message: "invalid" });
  });

/** The plan fields of a draft, as saved (the prefix and period may still be empty). */
export const ZDraftMeta = z.object({
  title: zText().trim().min(1, "required").max(DRAFT_TITLE_MAX, "tooLong"),
  kind: z.enum(PLAN_KINDS, "invalid"),
  codePrefix: z
    .string()
    .trim()
    .toUpperCase()
    .refine((s) => s === "" || PLAN_CODE_PREFIX_RE.test(s), "prefix"),
  periodStart: z.union([z.literal(""), ZDay]),
  periodEnd: z.union([z.literal(""), ZDay]),
  issuingOrgId: zId,
});
export type TDraftMeta = z.input<typeof ZDraftMeta>;

/** What publishing needs on top of a saved draft: a prefix, a period in order, at least one measure. */
export const ZPublishable = ZDraftMeta.extend({ tree: ZDraftTree }).superRefine((d, ctx) => {
  if (d.codePrefix === "") ctx.addIssue({ code: "custom", path: ["codePrefix"], message: "required" });
  if (d.periodStart === "") ctx.addIssue({ code: "custom", path: ["periodStart"], message: "required" });
  if (d.periodEnd === "") ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "required" });
  else if (d.periodStart !== "" && d.periodEnd < d.periodStart)
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "periodOrder" });
  for (const p of treeProblems(d.tree)) ctx.addIssue({ code: "custom", path: ["tree"], message: p });
});

export const ZSaveDraft = z.object({
  draftId: zId,
  version: zId,
  meta: ZDraftMeta,
  tree: ZDraftTree,
});
export type TSaveDraft = z.infer<typeof ZSaveDraft>;

/** The numerals of a document's top-level parts 「一、」…「二十、」 that 只导入第…部分 offers. */
export const PLAN_PARTS = Array.from({ length: 20 }, (_, i) => intToChinese(i + 1));

/**
 * The choices of 导入计划 besides the document (form, action and upload route alike): the issuing
 * org (default the importer's) and 只导入第…部分 ("" or absent = the whole document).
 */
export const ZImportOptions = z.object({
  issuingOrgId: zId.optional(),
  part: z
    .string()
    .refine((s) => s === "" || PLAN_PARTS.includes(s), "invalid")
    .optional()
    .transform((s) => s || undefined),
});
export type TImportOptions = Partial<z.output<typeof ZImportOptions>>;

export const ZImportText = ZImportOptions.extend({ text: zText().max(MAX_TEXT_CHARS, "tooLong") });

export const ZDraftRef = z.object({ draftId: zId, version: zId });
