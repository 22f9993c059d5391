import "server-only";
import { orgInScopeSql } from "@/lib/auth/scope";
import type { TDb } from "@/lib/db/client";

export type TFamilyOrg = {
  id: number;
  name: string;
  code: string;
  level: string;
  regionCode: string | null;
  parentId: number | null;
  ancestorIds: number[];
  /** Closed (撤销 or merged away): still shown with its history, marked. */
  closed: boolean;
};
export type TOrgFamily = { org: TFamilyOrg; children: TFamilyOrg[]; trail: TFamilyOrg[] };

/**
 * An org in the user's subtree with its direct children (in display order) and its breadcrumb
 * (its ancestors inside the user's subtree, top first, itself last), in one statement.
 * Null when the org is outside the user's subtree.
 */
export async function loadOrgFamily(db: TDb, userOrgId: number, orgId: number): Promise<TOrgFamily | null> {
  const rows = await db.$queryRaw<(TFamilyOrg & { kind: "self" | "child" | "trail" })[]>`
    WITH o AS (SELECT o.id, o."ancestorIds" FROM "Org" o WHERE o.id = ${orgId} AND ${orgInScopeSql("o", userOrgId)})
    SELECT k.kind, x.id, x.name, x.code, x.level::text AS level, x."regionCode", x."parentId", x."ancestorIds",
      x."closedAt" IS NOT NULL AS closed
    FROM o, LATERAL (
      SELECT 'self' AS kind, o.id, 0 AS ord, 0 AS sort UNION ALL
      SELECT 'child', c.id, 1, c."sortOrder" FROM "Org" c WHERE c."parentId" = o.id UNION ALL
      SELECT 'trail', a.id, 2, cardinality(a."ancestorIds") FROM "Org" a WHERE a.id = ANY(o."ancestorIds") AND ${orgInScopeSql("a", userOrgId)}
    ) k
    JOIN "Org" x ON x.id = k.id
    ORDER BY k.ord, k.sort, x.id`;
  const self = rows.find((r) => r.kind === "self");
  if (!self) return null;
  const strip = ({ kind: _kind, ...r }: (typeof rows)[number]): TFamilyOrg => r;
  return {
    org: strip(self),
    children: rows.filter((r) => r.kind === "child").map(strip),
    trail: rows.filter((r) => r.kind === "trail").map(strip),
  };
}
