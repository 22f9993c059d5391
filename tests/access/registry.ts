import crypto from "node:crypto";
import { GRANTABLE_ROLES, type TPermission, type TRole } from "@/lib/auth/permissions";
import type { TOutcome, TRouteRequest } from "./call";
import { day, type TCaller, type TTargets, type TWorld } from "./world";

// Every server action and route handler of the app, with what it needs and how to aim it at the
// caller's own subtree and at another region (湖北). tests/access/discovery.test.ts fails when a
// "use server" export or a route method is missing here (or listed here but gone);
// tests/access/access-matrix.test.ts runs each one for every role, signed out, and before a required
// password change. To add one: a key `exportName` (actions) or HTTP method (routes) under its file,
// with `needs`, `own`, `other` (or `{ none: why }`) as documented on TCase below; new kinds of target
// go into TTargets in ./world.ts.

/**
 * What the caller must hold: "public" (even signed out), "signed-in" (any role, the target's scope
 * still applies) or any one of the permissions (on a target the caller has the relation to).
 */
export type TNeeds = "public" | "signed-in" | { anyOf: readonly TPermission[] };

/** What a cell's input builder gets: the world, its targets (fresh when the call may write) and the caller. */
export type TCtx = { w: TWorld; t: TTargets; me: TCaller };

type TCase<I> = {
  needs: TNeeds;
  /** The input aimed at the caller's own subtree. */
  own: (c: TCtx) => Promise<I>;
  /** The input aimed at another region (湖北), or why the call has no such target. */
  other: ((c: TCtx) => Promise<I>) | { none: string };
  /** Codes a permitted call on its own subtree may answer besides OK (domain errors). */
  ownAlso?: readonly string[];
  /** Codes the other-region call may answer besides NOT_FOUND and FORBIDDEN (e.g. VALIDATION for an id outside the scope). */
  otherAlso?: readonly string[];
  /** For calls answering OK in another region (searches): true when the answer shows nothing of it. */
  otherEmpty?: (o: TOutcome, c: TCtx) => boolean;
  /** Run after every other cell of the caller (it changes the caller's own account). */
  last?: boolean;
  /** Allowed while the caller must still change a password set by someone else (the change itself). */
  beforePasswordChange?: boolean;
};
export type TActionCase = TCase<unknown>;
export type TRouteCase = TCase<TRouteRequest>;

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type THttpMethod = (typeof HTTP_METHODS)[number];

const token = () => crypto.randomUUID();
const perms = (...p: TPermission[]): TNeeds => ({ anyOf: p });
/** `{ taskId, version }` of a task of the spec in the region. */
const ref = async (c: TCtx, region: "own" | "other", spec: Parameters<TTargets["task"]>[1]) => {
  const t = await c.t.task(region, spec);
  return { taskId: t.id, version: t.version };
};
/** True when every org found lies in the caller's subtree (a search for "武" matches 湖北's 武汉, 武昌 …). */
const noOrgOutside = ({ data }: TOutcome, c: TCtx) =>
  Array.isArray(data) && (data as { id: number }[]).every((o) => c.w.ownSubtree.has(o.id));

// ---------------------------------------------------------------- tasks
const taskActions: Record<string, TActionCase> = {
  assignTasksAction: {
    needs: perms("task:assign"),
    own: async (c) => ({
      clientToken: token(),
      objectiveIds: [await c.t.measure([c.w.orgs.own.below])],
      target: { mode: "orgs", orgIds: [c.w.orgs.own.below] },
      dueDate: day(90),
    }),
    other: async (c) => ({
      clientToken: token(),
      objectiveIds: [await c.t.measure([c.w.orgs.other.below])],
      target: { mode: "orgs", orgIds: [c.w.orgs.other.below] },
      dueDate: day(90),
    }),
    otherAlso: ["VALIDATION"],
  },
  claimTaskAction: {
    needs: perms("task:claim"),
    own: async (c) => ({ objectiveId: await c.t.measure([c.me.orgId]), dueDate: day(90) }),
    other: { none: "claims for the caller's own org only" },
  },
  signTaskAction: {
    needs: perms("task:handle"),
    own: (c) => ref(c, "own", { at: "held", status: "PENDING_SIGN" }),
    other: (c) => ref(c, "other", { at: "held", status: "PENDING_SIGN" }),
  },
  handBackTaskAction: {
    needs: perms("task:handle"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "held", status: "PENDING_SIGN" })),
      reason: "无法承办",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "held", status: "PENDING_SIGN" })),
      reason: "无法承办",
    }),
  },
  reassignTaskAction: {
    needs: perms("task:assign"),
    own: (c) => ref(c, "own", { at: "below", status: "HANDED_BACK" }),
    other: (c) => ref(c, "other", { at: "below", status: "HANDED_BACK" }),
  },
  transferTaskAction: {
    needs: perms("task:assign"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "below", status: "HANDED_BACK" })),
      clientToken: token(),
      orgId: c.w.orgs.own.below2,
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "below", status: "HANDED_BACK" })),
      clientToken: token(),
      orgId: c.w.orgs.other.below2,
    }),
  },
  searchTransferTargetsAction: {
    needs: perms("task:assign"),
    own: async (c) => ({ taskId: (await c.t.task("own", { at: "below", status: "HANDED_BACK" })).id, q: "" }),
    other: async (c) => ({
      taskId: (await c.t.task("other", { at: "below", status: "HANDED_BACK" })).id,
      q: "",
    }),
  },
  cancelTaskAction: {
    needs: perms("task:assign"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "below", status: "PENDING_SIGN" })),
      reason: "不再需要",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "below", status: "PENDING_SIGN" })),
      reason: "不再需要",
    }),
  },
  assignStaffAction: {
    needs: perms("task:staff"),
    // The responsible person must work in the holding org: the STAFF caller does.
    own: async (c) => ({
      ...(await ref(c, "own", { at: "held", status: "IN_PROGRESS" })),
      responsibleId: c.w.callers.STAFF.id,
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "held", status: "IN_PROGRESS" })),
      responsibleId: c.w.demo["wuhan"]!.id,
    }),
  },
  logProgressAction: {
    // The caller is the task's responsible person: staff log as workers, chairs for their org.
    needs: perms("progress:log", "task:staff"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "held", status: "IN_PROGRESS", worker: c.me.id })),
      clientToken: token(),
      percent: 40,
      state: "NORMAL",
      narrative: "完成四成",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "held", status: "IN_PROGRESS" })),
      clientToken: token(),
      percent: 40,
      state: "NORMAL",
      narrative: "完成四成",
    }),
  },
  submitCompletionAction: {
    needs: perms("task:handle"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "held", status: "IN_PROGRESS" })),
      clientToken: token(),
      summary: "已全部完成",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "held", status: "IN_PROGRESS" })),
      clientToken: token(),
      summary: "已全部完成",
    }),
  },
  withdrawCompletionAction: {
    needs: perms("task:handle"),
    own: (c) => ref(c, "own", { at: "held", status: "SUBMITTED" }),
    other: (c) => ref(c, "other", { at: "held", status: "SUBMITTED" }),
  },
  reviewCompletionAction: {
    needs: perms("task:review"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "below", status: "SUBMITTED" })),
      decision: "APPROVED",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "below", status: "SUBMITTED" })),
      decision: "APPROVED",
    }),
  },
  requestExtensionAction: {
    needs: perms("task:handle"),
    own: async (c) => ({
      ...(await ref(c, "own", { at: "held", status: "IN_PROGRESS" })),
      clientToken: token(),
      toDue: day(200),
      reason: "需要更多时间",
    }),
    other: async (c) => ({
      ...(await ref(c, "other", { at: "held", status: "IN_PROGRESS" })),
      clientToken: token(),
      toDue: day(200),
      reason: "需要更多时间",
    }),
  },
  decideExtensionAction: {
    needs: perms("task:review"),
    own: async (c) => {
      const t = await c.t.task("own", { at: "below", status: "IN_PROGRESS", extension: true });
      return { taskId: t.id, version: t.version, extensionId: t.extensionId, approve: true };
    },
    other: async (c) => {
      const t = await c.t.task("other", { at: "below", status: "IN_PROGRESS", extension: true });
      return { taskId: t.id, version: t.version, extensionId: t.extensionId, approve: true };
    },
  },
  nudgeTaskAction: {
    needs: perms("task:assign"),
    own: async (c) => ({ taskId: (await c.t.task("own", { at: "below", status: "PENDING_SIGN" })).id }),
    other: async (c) => ({ taskId: (await c.t.task("other", { at: "below", status: "PENDING_SIGN" })).id }),
  },
  nudgeChildrenAction: {
    needs: perms("task:assign"),
    own: async (c) => ({
      taskId: (await c.t.task("own", { at: "held", status: "IN_PROGRESS", withChild: true })).id,
    }),
    other: async (c) => ({
      taskId: (await c.t.task("other", { at: "held", status: "IN_PROGRESS", withChild: true })).id,
    }),
  },
  commentOnTaskAction: {
    // Open to everyone who can read the task (its scope); see the report on 三员分立.
    needs: "signed-in",
    own: async (c) => ({
      taskId: (await c.t.task("own", { at: "held", status: "IN_PROGRESS" })).id,
      message: "意见",
    }),
    other: async (c) => ({
      taskId: (await c.t.task("other", { at: "held", status: "IN_PROGRESS" })).id,
      message: "意见",
    }),
  },
  searchTargetOrgsAction: {
    needs: perms("task:assign"),
    own: async () => ({ q: "正定" }),
    other: async () => ({ q: "武" }),
    otherEmpty: noOrgOutside,
  },
  countTargetOrgsAction: {
    needs: perms("task:assign"),
    own: async (c) => ({ target: { mode: "level", level: "COUNTY", underOrgId: c.w.orgs.own.held } }),
    other: async (c) => ({ target: { mode: "level", level: "COUNTY", underOrgId: c.w.orgs.other.held } }),
    otherAlso: ["VALIDATION"],
    otherEmpty: ({ data }) => (data as { orgs: number }).orgs === 0,
  },
};

// ---------------------------------------------------------------- users
const strongPassword = "Nw-Secret#2026b";
/**
 * The role of the account a caller manages in these cells: STAFF when the caller's role may grant it,
 * else the last role it may grant (for a role that manages only the administrators' accounts).
 */
const managedRole = (c: TCtx): TRole => {
  const grantable = GRANTABLE_ROLES[c.me.role];
  return grantable.includes("STAFF") ? "STAFF" : (grantable.at(-1) ?? "STAFF");
};
const managed = (c: TCtx, region: "own" | "other") => c.t.user(region, managedRole(c));
const userActions: Record<string, TActionCase> = {
  createUserAction: {
    needs: perms("user:manage"),
    own: async (c) => ({
      username: `mx.new.${token().slice(0, 8)}`,
      name: "新干部",
      role: managedRole(c),
      orgId: c.w.orgs.own.held,
      phone: "",
      password: strongPassword,
    }),
    other: async (c) => ({
      username: `mx.new.${token().slice(0, 8)}`,
      name: "新干部",
      role: managedRole(c),
      orgId: c.w.orgs.other.held,
      phone: "",
      password: strongPassword,
    }),
    // An org outside the scope is a validation error; a role the caller may not give there, ROLE_NOT_ALLOWED.
    otherAlso: ["VALIDATION", "ROLE_NOT_ALLOWED"],
  },
  updateUserAction: {
    needs: perms("user:manage"),
    own: async (c) => ({ id: await managed(c, "own"), name: "改名用户", role: managedRole(c), phone: "" }),
    other: async (c) => ({
      id: await managed(c, "other"),
      name: "改名用户",
      role: managedRole(c),
      phone: "",
    }),
  },
  resetPasswordAction: {
    needs: perms("user:manage"),
    own: async (c) => ({ id: await managed(c, "own"), password: strongPassword, confirm: strongPassword }),
    other: async (c) => ({
      id: await managed(c, "other"),
      password: strongPassword,
      confirm: strongPassword,
    }),
  },
  setUserActiveAction: {
    needs: perms("user:manage"),
    own: async (c) => ({ id: await managed(c, "own"), active: false }),
    other: async (c) => ({ id: await managed(c, "other"), active: false }),
  },
  searchManagedOrgsAction: {
    needs: perms("user:manage"),
    own: async () => ({ q: "正定" }),
    other: async () => ({ q: "武" }),
    otherEmpty: noOrgOutside,
  },
  changeOwnPasswordAction: {
    needs: "signed-in",
    own: async (c) => ({ current: c.me.password, password: strongPassword, confirm: strongPassword }),
    other: { none: "changes the caller's own password only" },
    last: true,
    beforePasswordChange: true,
  },
};

/** Every exported function of every "use server" file, by file (relative to the project root). */
export const ACTIONS: Record<string, Record<string, TActionCase>> = {
  "features/tasks/actions.ts": taskActions,
  "features/users/actions.ts": userActions,
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

// ---------------------------------------------------------------- routes
const pdf = () =>
  new File([Buffer.from("%PDF-1.4\n% upload\n%%EOF\n")], "证明.pdf", { type: "application/pdf" });
const upload = (taskId: number): TRouteRequest => {
  const body = new FormData();
  body.set("file", pdf());
  body.set("purpose", "progress");
  return { url: `/api/tasks/${taskId}/attachments`, params: { id: String(taskId) }, init: { body } };
};

/** Every exported HTTP method of every app/**\/route.ts, by file. */
export const ROUTES: Record<string, Partial<Record<THttpMethod, TRouteCase>>> = {
  "app/api/attachments/[id]/route.ts": {
    GET: {
      needs: "signed-in",
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
