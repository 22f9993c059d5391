import "server-only";
import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ORG_CODE } from "../schemas";

// The 上级工会 column: an org code, or a name path from any level down ("河北省总工会/石家庄市总工会/
// 石家庄市长安区总工会", or just "石家庄市长安区总工会"), matched against the end of the org's path of
// names. A few queries for a whole chunk of references, never one per row.

/** The level a 基层工会 hangs under (as the seed builds them: under a county-level federation). */
export const PARENT_LEVEL = "COUNTY";

export type TParent = {
  id: number;
  name: string;
  regionCode: string | null;
  regionName: string | null;
};
export type TParentResult = { ok: TParent } | { error: string };

type TCandidate = TParent & { code: string; level: string; ancestorIds: number[]; closed: boolean };

const isCode = (ref: string) => !ref.includes("/") && ORG_CODE.test(ref);
const segmentsOf = (ref: string) =>
  ref
    .split("/")
    .map((s) => s.trim())
    .filter((s) => s !== "");

async function candidates(db: TTx, where: "code" | "name", values: string[]): Promise<TCandidate[]> {
  if (values.length === 0) return [];
  const rows = await db.$queryRaw<(TCandidate & { closedAt: Date | null })[]>`
    SELECT id, code, name, level::text AS level, "ancestorIds", "regionCode", "regionName", "closedAt"
    FROM "Org" WHERE ${where === "code" ? Prisma.sql`code` : Prisma.sql`name`} = ANY(${values}::text[])`;
  return rows.map(({ closedAt, ...r }) => ({ ...r, closed: closedAt !== null }));
}

function verdict(list: TCandidate[], scopeOrgId: number): TParentResult {
  const inScope = list.filter((c) => c.ancestorIds.includes(scopeOrgId));
  if (list.length === 0) return { error: "parentNotFound" };
  if (inScope.length === 0) return { error: "parentOutOfScope" };
  if (inScope.length > 1) return { error: "parentAmbiguous" };
  const c = inScope[0]!;
  if (c.level !== PARENT_LEVEL) return { error: "parentNotCounty" };
  if (c.closed) return { error: "parentClosed" };
  return { ok: { id: c.id, name: c.name, regionCode: c.regionCode, regionName: c.regionName } };
}

/** Resolves distinct parent references inside org `scopeOrgId`'s subtree. */
export async function resolveParents(
  db: TTx,
  scopeOrgId: number,
  refs: readonly string[],
): Promise<Map<string, TParentResult>> {
  const unique = [...new Set(refs)];
  const codes = unique.filter(isCode);
  const paths = unique.filter((r) => !isCode(r)).map((r) => ({ ref: r, segs: segmentsOf(r) }));
  const byCode = await candidates(db, "code", codes);
  const byName = await candidates(db, "name", [...new Set(paths.map((p) => p.segs.at(-1) ?? ""))]);
  const ancestorIds = [...new Set(byName.flatMap((c) => c.ancestorIds))];
  const names = new Map<number, string>();
  if (ancestorIds.length > 0)
    for (const o of await db.org.findMany({
      where: { id: { in: ancestorIds } },
      select: { id: true, name: true },
    }))
      names.set(o.id, o.name);

  const out = new Map<string, TParentResult>();
  for (const code of codes)
    out.set(
      code,
      verdict(
        byCode.filter((c) => c.code === code),
        scopeOrgId,
      ),
    );
  for (const { ref, segs } of paths) {
    const matches = byName.filter((c) => {
      const chain = c.ancestorIds.map((id) => names.get(id) ?? "");
      return segs.length <= chain.length && segs.every((s, i) => chain[chain.length - segs.length + i] === s);
    });
    out.set(ref, verdict(matches, scopeOrgId));
  }
  return out;
}
