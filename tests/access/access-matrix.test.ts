import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_ROLE_PERMISSIONS, ROLES, type TRole } from "@/lib/auth/permissions";
import { seedAll } from "@/prisma/seed/seed-all";
import { createTestDb, type TTestDb } from "../helpers/test-db";
import { callAction, callRoute, type TOutcome, type TRouteRequest } from "./call";
import { ACTIONS, ROUTES, type TActionCase, type TCtx, type TNeeds } from "./registry";
import { fingerprintQuery } from "./fingerprint";
import { buildWorld, type TRegion, type TWorld } from "./world";

// The access matrix: every role (and a signed-out visitor, and a user who must still change a password
// set by someone else) × every server action and route handler in the registry × (the caller's own
// subtree, another region). Expected outcomes are computed from DEFAULT_ROLE_PERMISSIONS, which the
// seed writes into the RolePermission table.

const state = vi.hoisted(() => {
  // What Next's server runtime provides before its request stores load (see nextWorkStore in call.ts).
  const g = globalThis as { AsyncLocalStorage?: unknown };
  g.AsyncLocalStorage ??= process.getBuiltinModule("node:async_hooks").AsyncLocalStorage;
  return {
    userId: null as number | null,
    sid: undefined as string | undefined,
    cookies: new Map<string, string>(),
  };
});

// The session cookie as next-auth's JWT decodes it: the user id and the session id; lib/auth/session.ts
// reads the rest from the database. The cookie is there while a user is signed in.
const SESSION_COOKIE = "next-auth.session-token";
vi.mock("next-auth/jwt", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth/jwt")>()),
  decode: async () => (state.userId === null ? null : { sub: String(state.userId), sid: state.sid }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => {
  const store = {
    get: (name: string) =>
      name === SESSION_COOKIE && state.userId !== null
        ? { name, value: "signed-in" }
        : state.cookies.has(name)
          ? { name, value: state.cookies.get(name)! }
          : undefined,
    getAll: () => [...state.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => state.cookies.has(name),
    set: (name: string, value: string) => void state.cookies.set(name, value),
    delete: (name: string) => void state.cookies.delete(name),
  };
  return {
    cookies: async () => store,
    headers: async () => new Headers({ "user-agent": "access-matrix", "x-forwarded-for": "127.0.0.1" }),
  };
});

/** The columns: a role, nobody, or a MANAGER whose password must be changed first. */
const PENDING = "password-change-pending";
type TWho = TRole | "signed-out" | typeof PENDING;
const COLUMNS: readonly TWho[] = ["signed-out", PENDING, ...ROLES];
type TCell = {
  kind: "action" | "route";
  file: string;
  name: string;
  c: TActionCase;
  /** " [kind=USERS]" for a variant's row, "" otherwise. */
  variant: string;
  region: TRegion;
};

/** `last` entries after the others, and the password change (which ends "password change pending") at the very end. */
const rank = (c: TActionCase) => (c.last ? 1 : 0) + (c.last && c.beforePasswordChange ? 1 : 0);

/** An entry and its variants, each a row of its own (`variant` names it in the label). */
const withVariants = <E extends { c: TActionCase }>(e: E) => [
  { ...e, variant: "" },
  ...Object.entries(e.c.variants ?? {}).map(([v, c]) => ({ ...e, c, variant: ` [${v}]` })),
];

const cells: TCell[] = [
  ...Object.entries(ACTIONS).flatMap(([file, exports]) =>
    Object.entries(exports).flatMap(([name, c]) => withVariants({ kind: "action" as const, file, name, c })),
  ),
  ...Object.entries(ROUTES).flatMap(([file, methods]) =>
    Object.entries(methods).flatMap(([name, c]) =>
      withVariants({ kind: "route" as const, file, name, c: c as TActionCase }),
    ),
  ),
]
  .sort((a, b) => rank(a.c) - rank(b.c))
  .flatMap((e) =>
    (["own", "other"] as const)
      .filter((region) => region === "own" || typeof e.c.other === "function")
      .map((region) => ({ ...e, region })),
  );

/** Whether `who` may make the call at all (its target is in scope): from the default permission table. */
function permitted(c: TActionCase, who: TWho): boolean {
  const needs: TNeeds = c.needs;
  if (needs === "public") return true;
  if (who === "signed-out") return false;
  if (who === PENDING) return Boolean(c.beforePasswordChange);
  if (needs === "signed-in") return true;
  return needs.anyOf.some((p) => DEFAULT_ROLE_PERMISSIONS[who].includes(p));
}

let t: TTestDb;
let w: TWorld;
let fingerprint: () => Promise<Record<string, string>>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "utt-matrix-"));
let ran = 0;
/** Every cell's answer, written as a table to $ACCESS_MATRIX_OUT when set (for review and the docs). */
const answers = new Map<string, Map<string, string>>();
let started = 0;

beforeAll(async () => {
  process.env.UPLOAD_DIR = path.join(tmp, "uploads");
  const map = path.join(tmp, "china.geojson");
  fs.writeFileSync(map, JSON.stringify({ type: "FeatureCollection", features: [] }));
  process.env.MAP_GEOJSON = map;
  process.env.MAP_APPROVAL_NO = "GS(2024)0000号";
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  w = await buildWorld(t.db);
  fingerprint = await fingerprintQuery(t.db);
  started = Date.now();
});

afterAll(async () => {
  const entries = new Set(cells.map((c) => `${c.file}#${c.name}`)).size;
  console.info(
    `access matrix: ${ROLES.length} roles (+ signed out, + password change pending) × ${entries} actions/routes` +
      ` × ≤2 regions = ${ran} calls in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const out = process.env.ACCESS_MATRIX_OUT;
  if (out) {
    const lines = [`| call | ${COLUMNS.join(" | ")} |`, `|---|${COLUMNS.map(() => "---").join("|")}|`];
    for (const [key, row] of answers)
      lines.push(`| ${key} | ${COLUMNS.map((x) => row.get(x) ?? "").join(" | ")} |`);
    fs.writeFileSync(out, `${lines.join("\n")}\n`);
  }
  delete process.env.MAP_GEOJSON;
  delete process.env.MAP_APPROVAL_NO;
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function run(cell: TCell, who: TWho): Promise<{ out: TOutcome; ctx: TCtx; wrote: string[] | null }> {
  const me = who === PENDING ? w.pending : w.callers[who === "signed-out" ? "STAFF" : who];
  const mayWrite = cell.region === "own" && permitted(cell.c, who);
  const ctx: TCtx = { w, t: w.targets(mayWrite), me };
  const build = cell.region === "own" ? cell.c.own : (cell.c.other as (c: TCtx) => Promise<unknown>);
  const input = await build(ctx);
  const before = mayWrite ? null : await fingerprint();
  state.userId = who === "signed-out" ? null : me.id;
  state.sid = me.sid;
  state.cookies.clear();
  const out =
    cell.kind === "action"
      ? await callAction(cell.file, cell.name, input)
      : await callRoute(cell.file, cell.name, input as TRouteRequest);
  state.userId = null;
  ran += 1;
  let wrote: string[] | null = null;
  if (before) {
    const after = await fingerprint();
    wrote = Object.keys(after).filter((k) => after[k] !== before[k]);
  }
  return { out, ctx, wrote };
}

/** The RolePermission table (what the app reads) equals the default one the expectations come from. */
async function expectDefaultPermissionTable() {
  const rows = await t.db.rolePermission.findMany({ select: { role: true, permission: true } });
  for (const role of ROLES)
    expect(
      rows
        .filter((r) => r.role === role)
        .map((r) => r.permission)
        .sort(),
      role,
    ).toEqual([...DEFAULT_ROLE_PERMISSIONS[role]].sort());
}

describe("the permission table the expectations come from", () => {
  it("is what the seed wrote into RolePermission", expectDefaultPermissionTable);
});

const label = (c: TCell) => `${c.file}#${c.name}${c.variant} → ${c.region}`;

/** Signed out or with a password to change first, only the own-subtree input is tried. */
const cellsOf = (who: TWho) =>
  cells.filter((c) => (who !== "signed-out" && who !== PENDING) || c.region === "own");

describe.each(COLUMNS)("%s", (who) => {
  it.each(cellsOf(who).map((c) => [label(c), c] as const))("%s", async (_label, cell) => {
    const { out, ctx, wrote } = await run(cell, who);
    const ok = permitted(cell.c, who);
    const code = out.code;
    const key = label(cell);
    if (!answers.has(key)) answers.set(key, new Map());
    answers.get(key)!.set(who, code);
    if (cell.region === "other") {
      const hidden = ["NOT_FOUND", "FORBIDDEN", ...(cell.c.otherAlso ?? [])].includes(code);
      const empty = code === "OK" && (cell.c.otherEmpty?.(out, ctx) ?? false);
      expect(hidden || empty, `another region answered ${code}`).toBe(true);
    } else if (who === "signed-out" && !ok) {
      expect(code).toBe("UNAUTHENTICATED");
    } else if (who === PENDING && !ok) {
      // Actions refuse with PASSWORD_CHANGE_REQUIRED; route handlers answer 401 (as to a stranger) or 403.
      const route = cell.kind === "route" ? ["FORBIDDEN"] : [];
      expect(["PASSWORD_CHANGE_REQUIRED", "UNAUTHENTICATED", ...route]).toContain(code);
    } else if (ok) {
      expect(["OK", ...(cell.c.ownAlso ?? [])], `own subtree, permitted: ${code}`).toContain(code);
    } else {
      expect(["FORBIDDEN", ...(cell.c.deniedAs ?? [])], "own subtree without the permission").toContain(code);
    }
    if (cell.kind === "route" && !ok) expect([401, 403, 404, 303], "route status").toContain(out.status);
    if (wrote) expect(wrote, "a refused call changed these tables").toEqual([]);
  });
});

describe("after the matrix", () => {
  // A permitted call that saves the permission table must save it unchanged, or later cells would be wrong.
  it("the permission table is still the default one", expectDefaultPermissionTable);
});
