"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { authenticate, authorize } from "@/lib/auth/session";
import { ZCreateBatchReportingRule, ZCreatePlanReportingRule, ZRetireReportingRule } from "./schemas";
import { createReportingRule, retireReportingRule } from "./server/rules";

// Thin: parse (runAction) → permission → domain function (scope in its query) → revalidate.

const edited = <T>(result: T): T => {
  revalidatePath("/plans", "layout");
  return result;
};

/** 定期报送 on a plan or one of its measures (plan:manage and canEditPlan). */
export const createReportingRuleAction = async (input: unknown) =>
  runAction(ZCreatePlanReportingRule, input, async (d) =>
    edited(await createReportingRule(await authorize("plan:manage"), d)),
  );

/** 定期报送 on one 下达 batch (task:assign; the batch's assigner org in the caller's subtree). */
export const createBatchReportingRuleAction = async (input: unknown) =>
  runAction(ZCreateBatchReportingRule, input, async (d) =>
    edited(await createReportingRule(await authorize("task:assign"), d)),
  );

/** Retires a rule the caller may manage (plan:manage for plan/measure rules, task:assign for batch rules). */
export const retireReportingRuleAction = async (input: unknown) =>
  runAction(ZRetireReportingRule, input, async (d) =>
    edited(await retireReportingRule(await authenticate(), d)),
  );
