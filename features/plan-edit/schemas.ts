import { z } from "zod";
import { zId, zText } from "@/lib/input";

// Shared by the edit page's forms and the server actions (messages: validation.*, planEdit.validation.*).

const title = zText().trim().min(1, "required").max(200, "tooLong");

export const ZAddMeasure = z.object({
  parentId: zId,
  title,
  sourceText: zText().trim().max(5_000, "tooLong").optional().default(""),
});
export type TAddMeasure = z.infer<typeof ZAddMeasure>;

export const ZRenameObjective = z.object({ objectiveId: zId, title });
export type TRenameObjective = z.infer<typeof ZRenameObjective>;

/** Retiring a measure with open tasks needs a choice: keep them running, or cancel them with a reason. */
export const ZRetireMeasure = z
  .object({
    objectiveId: zId,
    openTasks: z.enum(["keep", "cancel"]).optional(),
    reason: zText().trim().max(500, "tooLong").optional().default(""),
  })
  .superRefine((d, ctx) => {
    if (d.openTasks === "cancel" && d.reason.length < 2)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
  });
export type TRetireMeasure = z.infer<typeof ZRetireMeasure>;

export const ZPlanRef = z.object({ planId: zId });
