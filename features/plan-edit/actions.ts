"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authorize } from "@/lib/auth/session";
import { ZAddMeasure, ZRenameObjective, ZRetireMeasure } from "./schemas";
import { addMeasure, renameObjective } from "./server/edit-objectives";
import { retireMeasure } from "./server/retire-measure";

// Thin: parse (runAction) → plan:manage → domain function (the plan's issuing org must be in the
// caller's subtree: scope in the query) → revalidate.

const edited = <T>(result: T): T => {
  revalidatePath("/plans", "layout");
  revalidatePath("/objectives");
  return result;
};

export const planEditAddMeasureAction = async (input: unknown) =>
  runAction(ZAddMeasure, input, async (d) => edited(await addMeasure(await authorize("plan:manage"), d)));

export const planEditRenameAction = async (input: unknown) =>
  runAction(ZRenameObjective, input, async (d) =>
    edited(await renameObjective(await authorize("plan:manage"), d)),
  );

export const planEditRetireAction = async (input: unknown) =>
  runAction(ZRetireMeasure, input, async (d) => {
    const result = await retireMeasure(await authorize("plan:manage"), d);
    revalidatePath("/tasks");
    return edited(result);
  });
