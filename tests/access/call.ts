import path from "node:path";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { NextRequest } from "next/server";
import { isAppError } from "@/lib/errors";

// Calls one server action or route handler as the app would, and reduces the answer to a code:
// "OK", an AppError code, or for routes the code their status stands for.

export const ROOT = path.resolve(import.meta.dirname, "../..");

export type TOutcome = { code: string; data?: unknown; status?: number; location?: string };

/** Codes that mean "you may not" or "there is nothing for you here". */
export const ACCESS_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "PASSWORD_CHANGE_REQUIRED"];

const modules = new Map<string, Promise<Record<string, unknown>>>();
/** The module at a path relative to the project root (as the registry names it). */
export function loadModule(file: string): Promise<Record<string, unknown>> {
  if (!modules.has(file)) modules.set(file, import(/* @vite-ignore */ path.join(ROOT, file)));
  return modules.get(file)!;
}

async function exported(file: string, name: string): Promise<(...a: unknown[]) => Promise<unknown>> {
  const fn = (await loadModule(file))[name];
  if (typeof fn !== "function") throw new Error(`${file} does not export a function ${name}`);
  return fn as (...a: unknown[]) => Promise<unknown>;
}

/** A server action: its TActionResult, its void return, or the AppError it throws. */
export async function callAction(file: string, name: string, input: unknown): Promise<TOutcome> {
  const fn = await exported(file, name);
  try {
    const res = await fn(input);
    if (res && typeof res === "object" && "ok" in res) {
      const r = res as { ok: boolean; code?: string; data?: unknown };
      return r.ok ? { code: "OK", data: r.data } : { code: r.code ?? "UNKNOWN" };
    }
    return { code: "OK", data: res };
  } catch (e) {
    if (isAppError(e)) return { code: e.code };
    const location = redirectTarget(e);
    if (location !== null) return { code: loginOrOk(location), location };
    return { code: `THROWN: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The path of Next's redirect() error (digest `NEXT_REDIRECT;<type>;<url>;<status>;`), or null. */
function redirectTarget(e: unknown): string | null {
  const digest = (e as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT;")) return null;
  return digest.split(";")[2] ?? "/";
}

/** A redirect to the login page means "not signed in"; any other is an answer. */
const loginOrOk = (location: string) =>
  new URL(location, "http://localhost").pathname === "/login" ? "UNAUTHENTICATED" : "OK";

export type TRouteRequest = {
  /** Path and query, e.g. `/api/exports/ledger?org=12`. */
  url: string;
  params: Record<string, string | string[]>;
  init?: RequestInit;
  /**
   * For code that reads next/headers through require() (next-auth), which vi.mock cannot reach: run it
   * inside Next's own work store, where cookies() and headers() are empty.
   */
  nextWorkStore?: boolean;
};

const STATUS_CODES: Record<number, string> = {
  400: "VALIDATION",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "FILE_TOO_LARGE",
  415: "FILE_TYPE",
};

/** A route handler: 2xx and redirects are OK, except a redirect to the login page (UNAUTHENTICATED). */
export async function callRoute(file: string, method: string, req: TRouteRequest): Promise<TOutcome> {
  const fn = await exported(file, method);
  let res: Response;
  try {
    const invoke = () =>
      fn(new NextRequest(new URL(req.url, "http://localhost"), { method, ...req.init } as never), {
        params: Promise.resolve(req.params),
      });
    const store = { route: "/access-matrix", forceStatic: true } as never;
    res = (await (req.nextWorkStore ? workAsyncStorage.run(store, invoke) : invoke())) as Response;
  } catch (e) {
    return { code: `THROWN: ${e instanceof Error ? e.message : String(e)}` };
  }
  const location = res.headers.get("location") ?? undefined;
  const status = res.status;
  if (status >= 300 && status < 400) {
    await res.body?.cancel();
    return { code: loginOrOk(location ?? "/"), status, location };
  }
  if (status < 300) {
    const data = res.headers.get("content-type")?.includes("json")
      ? await res.json()
      : await res.arrayBuffer();
    return { code: "OK", status, data };
  }
  const body = res.headers.get("content-type")?.includes("json")
    ? ((await res.json()) as { code?: string })
    : (await res.body?.cancel(), {});
  return { code: STATUS_CODES[status] ?? body.code ?? `HTTP_${status}`, status };
}
