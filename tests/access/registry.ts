// Every server action and route handler of the app, with what it needs and how to aim it at the
// caller's own subtree and at another region (湖北). tests/access/discovery.test.ts fails when a
// "use server" export or a route method is missing here (or listed here but gone);
// tests/access/access-matrix.test.ts runs each one for every role, signed out, and before a required
// password change. To add one: a key `exportName` (actions) or HTTP method (routes) under its file,
// with `needs`, `own`, `other` (or `{ none: why }`) as documented on TCase in ./registry-kit.ts; new
// kinds of target go into TTargets in ./world.ts. The entries live in ./registry-tasks.ts,
// ./registry-users.ts and ./registry-routes.ts, and inline below for small modules.

import type { TActionCase, THttpMethod, TRouteCase } from "./registry-kit";
import { ROUTE_ENTRIES } from "./registry-routes";
import { TASK_ACTIONS } from "./registry-tasks";
import { USER_ACTIONS } from "./registry-users";

export { HTTP_METHODS, type TActionCase, type TCtx, type TNeeds, type TRouteCase } from "./registry-kit";

/** Every exported function of every "use server" file, by file (relative to the project root). */
export const ACTIONS: Record<string, Record<string, TActionCase>> = {
  "features/tasks/actions.ts": TASK_ACTIONS,
  "features/users/actions.ts": USER_ACTIONS,
  "features/notifications/actions.ts": {
    markAllReadAction: {
      needs: "signed-in",
      own: async () => undefined,
      other: { none: "marks the caller's own notifications only" },
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
export const ROUTES: Record<string, Partial<Record<THttpMethod, TRouteCase>>> = ROUTE_ENTRIES;
