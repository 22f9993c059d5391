"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { ZDecideObjection, ZItemInput, ZItemRef, ZPublishResult, ZRaiseObjection } from "./schemas";
import { addItem, withdrawItem } from "./server/items";
import { decideObjection, raiseObjection } from "./server/objections";
import { publishResult } from "./server/publish-result";

// 考评 items, results and 申诉. Thin: parse (runAction, the forms' own schemas) → assessment:manage →
// domain function (scope in its query, one transaction, audited) → revalidate the 考评 pages.

const changed = <T>(result: T): T => {
  revalidatePath("/assessment", "layout");
  return result;
};

export const addAssessmentItemAction = async (input: unknown) =>
  runAction(ZItemInput, input, async (d) => changed(await addItem(await authorize("assessment:manage"), d)));

export const withdrawAssessmentItemAction = async (input: unknown) =>
  runAction(ZItemRef, input, async (d) =>
    changed(await withdrawItem(await authorize("assessment:manage"), d)),
  );

export const publishAssessmentResultAction = async (input: unknown) =>
  runAction(ZPublishResult, input, async (d) =>
    changed(await publishResult(await authorize("assessment:manage"), d)),
  );

export const raiseObjectionAction = async (input: unknown) =>
  runAction(ZRaiseObjection, input, async (d) =>
    changed(await raiseObjection(await authorize("assessment:manage"), d)),
  );

export const decideObjectionAction = async (input: unknown) =>
  runAction(ZDecideObjection, input, async (d) =>
    changed(await decideObjection(await authorize("assessment:manage"), d)),
  );
