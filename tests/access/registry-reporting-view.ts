import { perms, type TRouteCase } from "./registry-kit";

// The 报送情况 export (features/reporting, issue 14): any org in the caller's subtree; another
// region's org is not found (with no rule visible the export is an empty sheet, still OK).
export const REPORTING_VIEW_ROUTES: Record<string, Partial<Record<"GET", TRouteCase>>> = {
  "app/api/reporting/export/route.ts": {
    GET: {
      needs: perms("objective:read"),
      own: async (c) => ({ url: `/api/reporting/export?org=${c.w.orgs.own.held}`, params: {} }),
      other: async (c) => ({ url: `/api/reporting/export?org=${c.w.orgs.other.held}`, params: {} }),
    },
  },
};
