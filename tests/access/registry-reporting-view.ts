import { perms, type TRouteCase } from "./registry-kit";

// The 报送情况 export (features/reporting, issue 14): report:read, like the completion views and
// their exports (a region's statistics); any org in the caller's subtree; another
// region's org is not found (with no rule visible the export is an empty sheet, still OK).
export const REPORTING_VIEW_ROUTES: Record<string, Partial<Record<"GET", TRouteCase>>> = {
  "app/api/reporting/export/route.ts": {
    GET: {
      needs: perms("report:read"),
      own: async (c) => ({ url: `/api/reporting/export?org=${c.w.orgs.own.held}`, params: {} }),
      other: async (c) => ({ url: `/api/reporting/export?org=${c.w.orgs.other.held}`, params: {} }),
    },
  },
};
