import "server-only";
import { orgScopeWhere } from "@/lib/auth/scope";
import type { TDb, TTx } from "@/lib/db/client";

// The 所属工会 cell names an org by its code or by a name path (河北省总工会/石家庄市总工会/…/某某公司工会,
// any tail of the path from the root, down to the org's name alone). Resolved in bulk, inside the
// importer's subtree in the query; what is not found there is looked up once more, unscoped, only
// to tell "outside your subtree" from "unknown".

export type TOrgHit = { id: number; name: string; code: string };
export type TOrgResolution =
  | { ok: true; org: TOrgHit }
  | { ok: false; code: "unionUnknown" | "unionOutOfScope" | "unionAmbiguous" | "unionClosed" };

/** The path's names: split on / (full-width too), trimmed, empty parts dropped. */
export const pathSegments = (ref: string) =>
  ref
    .split(/[/／]/)
    .map((s) => s.trim())
    .filter(Boolean);

const endsWith = (chain: readonly string[], tail: readonly string[]) =>
  tail.length <= chain.length && tail.every((n, i) => chain[chain.length - tail.length + i] === n);

type TOrgRow = { id: number; code: string; name: string; ancestorIds: number[]; closedAt: Date | null };
const SELECT = { id: true, code: true, name: true, ancestorIds: true, closedAt: true } as const;

/** Every distinct reference resolved: 4 queries at most, however many rows. */
export async function resolveOrgRefs(
  db: TDb | TTx,
  actor: { orgId: number },
  refs: readonly string[],
): Promise<Map<string, TOrgResolution>> {
  const distinct = [...new Set(refs)];
  const out = new Map<string, TOrgResolution>();
  const found = (ref: string, o: TOrgRow) =>
    out.set(ref, o.closedAt ? { ok: false, code: "unionClosed" } : { ok: true, org: o });

  const byCode = await db.org.findMany({
    where: { code: { in: distinct }, ...orgScopeWhere(actor) },
    select: SELECT,
  });
  const codeMap = new Map(byCode.map((o) => [o.code, o]));
  for (const ref of distinct) if (codeMap.has(ref)) found(ref, codeMap.get(ref)!);

  const paths = distinct.filter((r) => !out.has(r)).map((ref) => ({ ref, segs: pathSegments(ref) }));
  const lasts = [...new Set(paths.map((p) => p.segs.at(-1)).filter((n): n is string => !!n))];
  const candidates = lasts.length
    ? await db.org.findMany({ where: { name: { in: lasts }, ...orgScopeWhere(actor) }, select: SELECT })
    : [];
  const ancestorIds = [...new Set(candidates.flatMap((c) => c.ancestorIds))];
  const names = new Map(
    (ancestorIds.length
      ? await db.org.findMany({ where: { id: { in: ancestorIds } }, select: { id: true, name: true } })
      : []
    ).map((o) => [o.id, o.name]),
  );
  for (const { ref, segs } of paths) {
    if (!segs.length) continue;
    const hits = candidates.filter((c) =>
      endsWith(
        c.ancestorIds.map((id) => names.get(id) ?? ""),
        segs,
      ),
    );
    // A closed org keeps its name: an open namesake is the one meant.
    const open = hits.filter((h) => !h.closedAt);
    const pick = open.length ? open : hits;
    if (pick.length > 1) out.set(ref, { ok: false, code: "unionAmbiguous" });
    else if (pick.length === 1) found(ref, pick[0]!);
  }

  const missing = distinct.filter((r) => !out.has(r));
  if (missing.length) {
    const missingNames = [...new Set(missing.map((r) => pathSegments(r).at(-1) ?? r))];
    const elsewhere = await db.org.findMany({
      where: { OR: [{ code: { in: missing } }, { name: { in: missingNames } }] },
      select: { code: true, name: true },
    });
    const known = new Set(elsewhere.flatMap((o) => [o.code, o.name]));
    for (const ref of missing)
      out.set(ref, {
        ok: false,
        code:
          known.has(ref) || known.has(pathSegments(ref).at(-1) ?? ref) ? "unionOutOfScope" : "unionUnknown",
      });
  }
  return out;
}
