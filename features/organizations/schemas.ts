import { z } from "zod";
import { zNumberId, zText } from "@/lib/input";

// The tree changes (单位调整), shared by the dialogs (zodResolver) and the actions.
// Messages are codes; the UI turns them into catalogue text (validation.*).

/**
 * An org's name: one rule for the rename dialog and the 基层工会 import (a name the import wrote can
 * always be saved again by the rename form, and the other way round).
 */
export const ZOrgName = zText().trim().min(2, "orgName").max(100, "orgName");
const zReason = zText().trim().max(200, "tooLong");

/** What happens to the org's open tasks: they go with it / to the successor, or they are cancelled. */
export const TASK_CHOICES = ["transfer", "cancel"] as const;
export type TTaskChoice = (typeof TASK_CHOICES)[number];

const withTasks = {
  tasks: z.enum(TASK_CHOICES, { message: "required" }),
  /** Required when the tasks are cancelled (the cancellation reason, shown in each timeline). */
  reason: zReason.optional(),
};

const reasonWhenCancelled = (v: { tasks: TTaskChoice; reason?: string }, ctx: z.RefinementCtx) => {
  if (v.tasks === "cancel" && (v.reason ?? "").length < 2)
    ctx.addIssue({ code: "custom", message: "reasonRequired", path: ["reason"] });
};

export const ZRenameOrg = z.object({ orgId: zNumberId, name: ZOrgName });
export type TRenameOrg = z.infer<typeof ZRenameOrg>;

/** A grassroots union goes to another county; its tasks go with it or are cancelled. */
export const ZMoveOrg = z
  .object({ orgId: zNumberId, parentId: z.number({ message: "required" }).pipe(zNumberId), ...withTasks })
  .superRefine(reasonWhenCancelled);
export type TMoveOrg = z.infer<typeof ZMoveOrg>;

/** Union A merges into B: A closes with successor B, its users and (transfer) open tasks go to B. */
export const ZMergeOrg = z
  .object({ orgId: zNumberId, intoId: z.number({ message: "required" }).pipe(zNumberId), ...withTasks })
  .superRefine(reasonWhenCancelled);
export type TMergeOrg = z.infer<typeof ZMergeOrg>;

/** 撤销: the union closes with a reason; its open tasks go to a named successor union or are cancelled. */
export const ZCloseOrg = z
  .object({
    orgId: zNumberId,
    reason: zReason.pipe(z.string().min(2, "reasonRequired")),
    tasks: z.enum(TASK_CHOICES, { message: "required" }),
    successorId: zNumberId.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.tasks === "transfer" && !v.successorId)
      ctx.addIssue({ code: "custom", message: "successorRequired", path: ["successorId"] });
  });
export type TCloseOrg = z.infer<typeof ZCloseOrg>;

/** Candidates for a move (counties) or a successor (grassroots unions) inside the actor's subtree. */
export const ZOrgChangeTargets = z.object({
  orgId: zNumberId,
  level: z.enum(["COUNTY", "GRASSROOTS"]),
  q: zText().trim().max(50, "tooLong"),
});
export type TOrgChangeTargets = z.infer<typeof ZOrgChangeTargets>;

/** How many open tasks a change affects (and, given a successor, how many collide with its own). */
export const ZOrgChangePreview = z.object({ orgId: zNumberId, successorId: zNumberId.optional() });
export type TOrgChangePreview = z.infer<typeof ZOrgChangePreview>;

// Messages are codes; the UI turns them into catalogue text (validation.*; the import shows them as
// imports.rowErrors.*).

export const ORG_TYPES = ["ENTERPRISE", "INSTITUTION", "COMMUNITY", "INDUSTRY", "JOINT", "OTHER"] as const;
export type TOrgType = (typeof ORG_TYPES)[number];

/** The Chinese names of the types as written in spreadsheets (the template's 类型 column). */
export const ORG_TYPE_NAMES: Record<TOrgType, string> = {
  ENTERPRISE: "企业",
  INSTITUTION: "机关事业",
  COMMUNITY: "街道社区",
  INDUSTRY: "行业",
  JOINT: "联合工会",
  OTHER: "其他",
};

/** An org code: letters, digits and hyphens (the federation codes are digits, e.g. 1301230001). */
export const ORG_CODE = /^[0-9A-Za-z-]{2,40}$/;

const optionalText = (max: number, message: string) =>
  zText()
    .trim()
    .max(max, message)
    .transform((s) => (s === "" ? null : s));

/**
 * A 基层工会's own fields as the import checks them (row-schema.ts adds the parent). No form edits these
 * fields yet; the name is the rename form's rule (ZOrgName), so the two cannot drift.
 */
export const ZGrassrootsUnion = z.object({
  name: ZOrgName,
  code: z.string().trim().regex(ORG_CODE, "orgCode"),
  type: z.enum(ORG_TYPES, { message: "orgType" }).nullable(),
  memberCount: z
    .number({ message: "memberCount" })
    .int("memberCount")
    .min(0, "memberCount")
    .max(10_000_000, "memberCount")
    .nullable(),
  chairName: optionalText(40, "chairName"),
  contact: optionalText(100, "contact"),
});
export type TGrassrootsUnion = z.infer<typeof ZGrassrootsUnion>;
