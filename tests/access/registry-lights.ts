import { perms, type TActionCase } from "./registry-kit";

/** features/lights/actions.ts: a federation's own 预警规则 (N, X). */
export const LIGHT_ACTIONS: Record<string, TActionCase> = {
  saveWarningSettingAction: {
    needs: perms("task:assign"),
    own: async () => ({ dueSoonDays: 3, lagPoints: 20 }),
    other: {
      none: "sets the caller's own org's rules only (the org comes from the session, never the input)",
    },
  },
};
