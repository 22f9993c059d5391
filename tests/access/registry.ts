// Every server action and route handler of the app, with what it needs and how to aim it at the
// caller's own subtree and at another region (湖北). tests/access/discovery.test.ts fails when a
// "use server" export or a route method is missing here (or listed here but gone);
// tests/access/access-matrix.test.ts runs each one for every role, signed out, and before a required
// password change. To add one: a key `exportName` (actions) or HTTP method (routes) under its file,
// with `needs`, `own`, `other` (or `{ none: why }`) as documented on TCase in ./registry-kit.ts; new
// kinds of target go into TTargets in ./world.ts. The entries live in ./registry-tasks.ts,
// ./registry-users.ts and ./registry-routes.ts, and inline below for small modules.

import { DEFAULT_ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { DEFAULT_SECURITY_SETTINGS } from "@/lib/security/settings";
import { perms, type TActionCase, type THttpMethod, type TRouteCase } from "./registry-kit";
import { IMPORT_ACTIONS, IMPORT_ROUTES } from "./registry-imports";
import { PEOPLE_ROUTES } from "./registry-people";
import { PLAN_EDIT_ACTIONS, PLAN_IMPORT_ACTIONS, PLAN_ROUTES } from "./registry-plan-import";
import { ROUTE_ENTRIES } from "./registry-routes";
import { TASK_ACTIONS } from "./registry-tasks";
import { USER_ACTIONS } from "./registry-users";
import { ORG_ACTIONS } from "./registry-orgs";
import { PLAN_ACTIONS } from "./registry-plans";
import { INDICATOR_ACTIONS } from "./registry-indicators";
import { LIGHT_ACTIONS } from "./registry-lights";
import { REPORTING_VIEW_ROUTES } from "./registry-reporting-view";
import { REPORTING_ACTIONS } from "./registry-reporting";
import { ASSESSMENT_SCHEME_ACTIONS } from "./registry-assessment-schemes";
import { ASSESSMENT_EVIDENCE_ROUTES } from "./registry-assessment-evidence";
import { ASSESSMENT_OUTPUT_ROUTES } from "./registry-assessment-outputs";
import { ASSESSMENT_RESULT_ACTIONS } from "./registry-assessment-results";

export { HTTP_METHODS, type TActionCase, type TCtx, type TNeeds, type TRouteCase } from "./registry-kit";

const formOf = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

/** Every exported function of every "use server" file, by file (relative to the project root). */
export const ACTIONS: Record<string, Record<string, TActionCase>> = {
  "features/tasks/actions.ts": TASK_ACTIONS,
  "features/users/actions.ts": USER_ACTIONS,
  "features/organizations/actions.ts": ORG_ACTIONS,
  "features/imports/actions.ts": IMPORT_ACTIONS,
  "features/plans/actions.ts": PLAN_ACTIONS,
  "features/lights/actions.ts": LIGHT_ACTIONS,
  "features/plan-import/actions.ts": PLAN_IMPORT_ACTIONS,
  "features/plan-edit/actions.ts": PLAN_EDIT_ACTIONS,
  "features/indicators/actions.ts": INDICATOR_ACTIONS,
  "features/reporting/actions.ts": REPORTING_ACTIONS,
  "features/assessment/actions-schemes.ts": ASSESSMENT_SCHEME_ACTIONS,
  "features/assessment/actions-results.ts": ASSESSMENT_RESULT_ACTIONS,
  "features/notifications/actions.ts": {
    markAllReadAction: {
      needs: "signed-in",
      own: async () => undefined,
      other: { none: "marks the caller's own notifications only" },
    },
    openNotificationAction: {
      needs: "signed-in",
      own: async (c) => formOf({ id: String(await c.t.notification(c.me.id, "own")) }),
      other: async (c) => formOf({ id: String(await c.t.notification(c.w.demo["wuhan"]!.id, "other")) }),
      // Someone else's notification: a redirect to the list, and nothing marked read.
      otherEmpty: ({ location }) => location === "/notifications",
    },
  },
  "features/auth/actions.ts": {
    extendSessionAction: {
      needs: "signed-in",
      own: async () => undefined,
      other: { none: "extends the caller's own session" },
      beforePasswordChange: true,
    },
  },
  "features/role-permissions/actions.ts": {
    savePermissionTableAction: {
      needs: perms("security:manage"),
      // Saves the default table unchanged: every expectation of the matrix is computed from it.
      own: async () => ({ table: DEFAULT_ROLE_PERMISSIONS }),
      other: { none: "one permission table for the whole deployment" },
      last: true,
    },
  },
  "features/security/actions.ts": {
    updateSecuritySettingsAction: {
      needs: perms("security:manage"),
      own: async () => ({ ...DEFAULT_SECURITY_SETTINGS }),
      other: { none: "one set of settings for the whole deployment" },
    },
    unlockLoginAction: {
      needs: perms("security:manage"),
      own: async (c) => ({
        id: (
          await c.w.db.loginLock.create({
            data: { username: "zhengding", failures: 20, until: new Date(Date.now() + 30 * 60_000) },
            select: { id: true },
          })
        ).id,
      }),
      other: { none: "locks are deployment-wide: the security admin unlocks any account" },
    },
  },
  "features/jobs/actions.ts": {
    runJobNowAction: {
      needs: perms("system:admin"),
      // The cheapest job: on the test database (no DATABASE_URL) it runs in-process, at once.
      own: async () => ({ name: "job-runs-prune" }),
      other: { none: "scheduled jobs are deployment-wide" },
    },
  },
  "features/i18n/actions.ts": {
    setLocaleAction: {
      needs: "public",
      own: async () => "en",
      other: { none: "sets the caller's own locale cookie" },
    },
  },
};

/** Every exported HTTP method of every app/**\/route.ts, by file. */
export const ROUTES: Record<string, Partial<Record<THttpMethod, TRouteCase>>> = {
  ...ROUTE_ENTRIES,
  ...IMPORT_ROUTES,
  ...PEOPLE_ROUTES,
  ...PLAN_ROUTES,
  ...REPORTING_VIEW_ROUTES,
  ...ASSESSMENT_OUTPUT_ROUTES,
  ...ASSESSMENT_EVIDENCE_ROUTES,
};
