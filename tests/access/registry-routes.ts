import type { TRouteRequest } from "./call";
import { perms, type THttpMethod, type TRouteCase } from "./registry-kit";

// Registry entries: the route handlers (app/**/route.ts).

const pdf = () =>
  new File([Buffer.from("%PDF-1.4\n% upload\n%%EOF\n")], "证明.pdf", { type: "application/pdf" });
const upload = (taskId: number): TRouteRequest => {
  const body = new FormData();
  body.set("file", pdf());
  body.set("purpose", "progress");
  return { url: `/api/tasks/${taskId}/attachments`, params: { id: String(taskId) }, init: { body } };
};

/** Every exported HTTP method of every app/**\/route.ts, by file. */
export const ROUTE_ENTRIES: Record<string, Partial<Record<THttpMethod, TRouteCase>>> = {
  "app/api/audit/export/route.ts": {
    GET: {
      needs: perms("audit:read"),
      own: async () => ({ url: "/api/audit/export?format=csv", params: {} }),
      other: { none: "the audit trail is not split by region" },
    },
  },
  "app/api/attachments/[id]/route.ts": {
    GET: {
      // Evidence is business data (objective:read); to anyone else it is simply not found.
      needs: perms("objective:read"),
      deniedAs: ["NOT_FOUND"],
      own: async (c) => {
        const id = await c.t.attachment("own");
        return { url: `/api/attachments/${id}`, params: { id: String(id) } };
      },
      other: async (c) => {
        const id = await c.t.attachment("other");
        return { url: `/api/attachments/${id}`, params: { id: String(id) } };
      },
    },
  },
  "app/api/auth/[...nextauth]/route.ts": {
    GET: {
      needs: "public",
      own: async () => ({ url: "/api/auth/csrf", params: { nextauth: ["csrf"] }, nextWorkStore: true }),
      other: { none: "next-auth's own endpoints (csrf, session, providers)" },
    },
    POST: {
      needs: "public",
      own: async () => ({
        url: "/api/auth/callback/credentials",
        params: { nextauth: ["callback", "credentials"] },
        init: { body: new URLSearchParams({ username: "nobody", password: "wrong-0000" }) },
        nextWorkStore: true,
      }),
      other: { none: "signs in (or not) with the credentials given" },
      ownAlso: ["UNAUTHENTICATED", "FORBIDDEN"],
    },
  },
  "app/api/exports/[kind]/route.ts": {
    GET: {
      needs: perms("report:read"),
      own: async (c) => ({
        url: `/api/exports/ledger?org=${c.w.orgs.own.held}&format=csv`,
        params: { kind: "ledger" },
      }),
      other: async (c) => ({
        url: `/api/exports/ledger?org=${c.w.orgs.other.held}&format=csv`,
        params: { kind: "ledger" },
      }),
    },
  },
  "app/api/map/geojson/route.ts": {
    GET: {
      needs: perms("report:read"),
      own: async () => ({ url: "/api/map/geojson", params: {} }),
      other: { none: "the one national map file" },
    },
  },
  "app/api/tasks/[id]/attachments/route.ts": {
    POST: {
      // Evidence for progress: the caller is the task's responsible person (as for logProgress).
      needs: perms("progress:log", "task:staff"),
      own: async (c) =>
        upload((await c.t.task("own", { at: "held", status: "IN_PROGRESS", worker: c.me.id })).id),
      other: async (c) => upload((await c.t.task("other", { at: "held", status: "IN_PROGRESS" })).id),
    },
  },
  "app/notifications/[id]/open/route.ts": {
    GET: {
      needs: "signed-in",
      own: async (c) => {
        const id = await c.t.notification(c.me.id, "own");
        return { url: `/notifications/${id}/open`, params: { id: String(id) } };
      },
      other: async (c) => {
        const id = await c.t.notification(c.w.demo["wuhan"]!.id, "other");
        return { url: `/notifications/${id}/open`, params: { id: String(id) } };
      },
      // It answers a redirect to the list (not to the task) and marks nothing read.
      otherEmpty: ({ location }) => location === "/notifications",
    },
  },
};
