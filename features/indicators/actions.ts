"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import {
  ZAddIndicator,
  ZIndicatorRecipients,
  ZRetireIndicator,
  ZTargetSheet,
  ZUpdateIndicator,
} from "./schemas";
import { addIndicator, retireIndicator, updateIndicator } from "./server/edit-indicators";
import { MAX_TARGET_SHEET_BYTES, readTargetSheet } from "./server/read-target-sheet";
import { listIndicatorRecipients } from "./server/recipients";

// Thin: parse (runAction) → permission → domain function (scope in its query) → revalidate.

const edited = <T>(result: T): T => {
  revalidatePath("/plans", "layout");
  revalidatePath("/tasks/new");
  return result;
};

export const addIndicatorAction = async (input: unknown) =>
  runAction(ZAddIndicator, input, async (d) => edited(await addIndicator(await authorize("plan:manage"), d)));

export const updateIndicatorAction = async (input: unknown) =>
  runAction(ZUpdateIndicator, input, async (d) =>
    edited(await updateIndicator(await authorize("plan:manage"), d)),
  );

export const retireIndicatorAction = async (input: unknown) =>
  runAction(ZRetireIndicator, input, async (d) =>
    edited(await retireIndicator(await authorize("plan:manage"), d)),
  );

/** The 下达/分解 form's recipients with their member-count weights (read only; the 下达 rule of scope). */
export const indicatorRecipientsAction = async (input: unknown) =>
  runAction(ZIndicatorRecipients, input, async (d) =>
    listIndicatorRecipients(await authorize("task:assign"), d),
  );

/** Reads an uploaded 目标分解表 (工会代码 → 目标值) for the form to match against its recipients. */
export const readTargetSheetAction = async (input: unknown) =>
  runAction(ZTargetSheet, input, async (file) => {
    await authorize("task:assign");
    if (file.size > MAX_TARGET_SHEET_BYTES) throw new AppError("FILE_TOO_LARGE");
    return readTargetSheet(Buffer.from(await file.arrayBuffer()));
  });
