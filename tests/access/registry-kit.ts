import crypto from "node:crypto";
import type { TPermission } from "@/lib/auth/permissions";
import type { TOutcome, TRouteRequest } from "./call";
import type { TCaller, TTargets, TWorld } from "./world";

// The shape of a registry entry (tests/access/registry.ts) and helpers the entry files share.

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
  /** Codes a call refused for lack of the permission may answer instead of FORBIDDEN (NOT_FOUND where a lookup hides what the caller may not read). */
  deniedAs?: readonly string[];
  /** Codes the other-region call may answer besides NOT_FOUND and FORBIDDEN (e.g. VALIDATION for an id outside the scope). */
  otherAlso?: readonly string[];
  /** For calls answering OK in another region (searches): true when the answer shows nothing of it. */
  otherEmpty?: (o: TOutcome, c: TCtx) => boolean;
  /** Run after every other cell of the caller (it changes the caller's own account). */
  last?: boolean;
  /** Allowed while the caller must still change a password set by someone else (the change itself). */
  beforePasswordChange?: boolean;
  /** More inputs for the same export (another import kind …), each run as its own row of the matrix. */
  variants?: Record<string, Omit<TCase<I>, "variants">>;
};
export type TActionCase = TCase<unknown>;
export type TRouteCase = TCase<TRouteRequest>;

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type THttpMethod = (typeof HTTP_METHODS)[number];

export const token = () => crypto.randomUUID();
export const perms = (...p: TPermission[]): TNeeds => ({ anyOf: p });
/** `{ taskId, version }` of a task of the spec in the region. */
export const ref = async (c: TCtx, region: "own" | "other", spec: Parameters<TTargets["task"]>[1]) => {
  const t = await c.t.task(region, spec);
  return { taskId: t.id, version: t.version };
};
/** True when every org found lies in the caller's subtree (a search for "武" matches 湖北's 武汉, 武昌 …). */
export const noOrgOutside = ({ data }: TOutcome, c: TCtx) =>
  Array.isArray(data) && (data as { id: number }[]).every((o) => c.w.ownSubtree.has(o.id));
