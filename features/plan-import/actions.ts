"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { zId } from "@/lib/input";
import { z } from "zod";
import { ZDraftRef, ZImportText, ZSaveDraft } from "./schemas";
import { createDraft } from "./server/create-draft";
import { publishDraft } from "./server/publish-draft";
import { discardDraft, saveDraft } from "./server/save-draft";

// Thin: parse (runAction) → plan:manage → domain function (scope in its queries) → revalidate.
// Uploads go through the route handler app/api/plans/import (a capped multipart body).

export const planImportTextAction = async (input: unknown) =>
  runAction(ZImportText, input, async (d) => createDraft(await authorize("plan:manage"), d));

export const planImportSaveDraftAction = async (input: unknown) =>
  runAction(ZSaveDraft, input, async (d) => saveDraft(await authorize("plan:manage"), d));

export const planImportPublishAction = async (input: unknown) =>
  runAction(ZDraftRef, input, async (d) => {
    const result = await publishDraft(await authorize("plan:manage"), d);
    revalidatePath("/plans");
    revalidatePath("/objectives");
    return result;
  });

export const planImportDiscardAction = async (input: unknown) =>
  runAction(z.object({ draftId: zId }), input, async (d) => {
    await discardDraft(await authorize("plan:manage"), d);
    revalidatePath("/plans/import");
  });
