"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { ZCreateScheme, ZSchemeRef, ZUpdateScheme } from "./schemas";
import { createScheme, deleteDraft, updateDraft } from "./server/schemes";
import { newVersion, publishScheme } from "./server/scheme-versions";

// 考评方案. Thin: parse (runAction) → assessment:manage → domain function (the scheme's org in its
// query) → revalidate the list and the scheme's pages.

const changed = <T>(result: T): T => {
  revalidatePath("/assessment", "layout");
  return result;
};

export const createSchemeAction = async (input: unknown) =>
  runAction(ZCreateScheme, input, async (d) =>
    changed(await createScheme(await authorize("assessment:manage"), d)),
  );

export const updateSchemeDraftAction = async (input: unknown) =>
  runAction(ZUpdateScheme, input, async (d) =>
    changed(await updateDraft(await authorize("assessment:manage"), d)),
  );

export const publishSchemeAction = async (input: unknown) =>
  runAction(ZSchemeRef, input, async (d) =>
    changed(await publishScheme(await authorize("assessment:manage"), d)),
  );

export const newSchemeVersionAction = async (input: unknown) =>
  runAction(ZSchemeRef, input, async (d) =>
    changed(await newVersion(await authorize("assessment:manage"), d)),
  );

export const deleteSchemeDraftAction = async (input: unknown) =>
  runAction(ZSchemeRef, input, async (d) =>
    changed(await deleteDraft(await authorize("assessment:manage"), d)),
  );
