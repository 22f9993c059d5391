import type { TActionCase } from "./registry-kit";

/** features/plans/actions.ts: the plan switcher's cookie (grants nothing: reads resolve it against the visible plans). */
export const PLAN_ACTIONS: Record<string, TActionCase> = {
  choosePlanAction: {
    needs: "public",
    own: async () => "3",
    other: { none: "sets the caller's own plan cookie; every read checks the plan's visibility" },
  },
};
