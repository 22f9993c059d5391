import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb, type TDb, type TTx } from "@/lib/db/client";
import { chinaToday } from "@/lib/dates";
import { chooseDefaultPlan, parsePlanPrefix, PLAN_COOKIE } from "../lib/plan-choice";
import { listVisiblePlans, type TPlanViewer, type TVisiblePlan } from "./visible-plans";

export type TCurrentPlan = { plans: TVisiblePlan[]; current: TVisiblePlan | null };

/**
 * The current plan among the visible ones: `?plan=<prefix>` (when visible), else the cookie set
 * by the plan switcher (when visible), else the default (`chooseDefaultPlan`). A prefix the user
 * does not see is ignored, never an error: a link shared across regions falls back quietly.
 */
export async function resolveCurrentPlan(
  viewer: TPlanViewer,
  opts: { param?: unknown; cookie?: unknown; today?: Date; db?: TDb | TTx } = {},
): Promise<TCurrentPlan> {
  const { plans, orgDepth } = await listVisiblePlans(viewer, opts.db ?? getDb());
  const find = (v: unknown) => {
    const prefix = parsePlanPrefix(v);
    return prefix ? plans.find((p) => p.codePrefix === prefix) : undefined;
  };
  const current =
    find(opts.param) ??
    find(opts.cookie) ??
    chooseDefaultPlan(
      plans.map((p) => ({ ...p, issuerDepth: p.issuingOrg.depth })),
      orgDepth,
      opts.today ?? chinaToday(),
    );
  return { plans, current: current ?? null };
}

/** The current plan of this request (pages, the shell and route handlers): once per request and param. */
export const getCurrentPlan = cache(async (viewer: TPlanViewer, param?: string): Promise<TCurrentPlan> => {
  const cookie = (await cookies()).get(PLAN_COOKIE)?.value;
  return resolveCurrentPlan(viewer, { param, cookie });
});
