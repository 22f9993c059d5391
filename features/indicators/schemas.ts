import { z } from "zod";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { zId, zText } from "@/lib/input";

// Shared by the plan edit page's indicator forms and the server actions (messages: validation.*).

export const INDICATOR_AGGREGATIONS = ["SUM", "AVERAGE"] as const;
export const INDICATOR_DIRECTIONS = ["HIGHER", "LOWER"] as const;
/** A measure carries at most this many live indicators (ZIndicatorTargets takes 20 per 下达). */
export const MAX_INDICATORS_PER_MEASURE = 20;

const fields = {
  name: zText().trim().min(1, "required").max(60, "tooLong"),
  unit: zText().trim().min(1, "required").max(20, "tooLong"),
  aggregation: z.enum(INDICATOR_AGGREGATIONS, "invalid"),
  direction: z.enum(INDICATOR_DIRECTIONS, "invalid"),
};

/** The add/edit form's own fields (the actions add the measure or indicator id). */
export const ZIndicatorFields = z.object(fields);
export type TIndicatorFields = z.infer<typeof ZIndicatorFields>;

export const ZAddIndicator = z.object({ objectiveId: zId, ...fields });
export type TAddIndicator = z.infer<typeof ZAddIndicator>;

export const ZUpdateIndicator = z.object({ indicatorId: zId, ...fields });
export type TUpdateIndicator = z.infer<typeof ZUpdateIndicator>;

export const ZRetireIndicator = z.object({ indicatorId: zId });
export type TRetireIndicator = z.infer<typeof ZRetireIndicator>;

/** The 下达/分解 form asks who would receive the task, with each org's weight (member count). */
export const ZIndicatorRecipients = ZAssignTasks.pick({ target: true, parentTaskId: true });
export type TIndicatorRecipients = z.infer<typeof ZIndicatorRecipients>;

/** The most recipients the form splits a target across (ZIndicatorTargets takes 5,000 per indicator). */
export const MAX_SPLIT_RECIPIENTS = 5000;

/** The uploaded 目标分解表: a FormData with one file under "file" (checked by size and content on the server). */
export const ZTargetSheet = z
  .custom<FormData>((v) => typeof FormData !== "undefined" && v instanceof FormData, "invalid")
  .transform((f, ctx) => {
    const file = f.get("file");
    if (!(file instanceof Blob)) {
      ctx.addIssue({ code: "custom", path: ["file"], message: "required" });
      return z.NEVER;
    }
    return file;
  });

/**
 * `?indicator=<id>` of the completion pages and the completion export. On a page a malformed value
 * is ignored like the other parameters (ZCompletionQuery); a well-formed id that is unknown or
 * outside the plan and objective scope is not found (404).
 */
export const ZIndicatorParam = z.object({ indicator: zId.optional().catch(undefined) });
export type TIndicatorParam = z.infer<typeof ZIndicatorParam>;
