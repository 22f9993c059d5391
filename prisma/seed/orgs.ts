import {
  buildDemoBranches,
  buildFederationTree,
  type OrgSeed,
} from "../../features/organizations/lib/build-org-tree";
import type { TDb } from "../../lib/db/client";

const LEVELS = ["NATIONAL", "PROVINCE", "CITY", "COUNTY", "GRASSROOTS"] as const;

/**
 * Inserts orgs level by level (createMany, skipping codes that exist) and then
 * derives the materialised path with one UPDATE per level. Existing orgs are
 * neither duplicated nor changed.
 */
export async function seedOrgs(
  db: TDb,
  seeds: OrgSeed[] = [...buildFederationTree(), ...buildDemoBranches()],
): Promise<number> {
  const ids = new Map<string, number>();
  for (const level of LEVELS) {
    const rows = seeds.filter((s) => s.level === level);
    if (rows.length === 0) continue;
    const parentCodes = [...new Set(rows.map((r) => r.parentCode).filter((c): c is string => c !== null))];
    const missing = parentCodes.filter((c) => !ids.has(c));
    if (missing.length) {
      for (const o of await db.org.findMany({
        where: { code: { in: missing } },
        select: { id: true, code: true },
      }))
        ids.set(o.code, o.id);
    }
    await db.org.createMany({
      skipDuplicates: true,
      data: rows.map((r) => {
        const parentId = r.parentCode === null ? null : ids.get(r.parentCode);
        if (parentId === undefined) throw new Error(`org ${r.code}: parent ${r.parentCode} missing`);
        return {
          code: r.code,
          name: r.name,
          level: r.level,
          parentId,
          regionCode: r.regionCode,
          regionName: r.regionName,
          ancestorIds: [],
          depth: 0,
          sortOrder: r.order,
        };
      }),
    });
    for (const o of await db.org.findMany({ where: { level }, select: { id: true, code: true } }))
      ids.set(o.code, o.id);
  }
  await fillAncestors(db);
  return seeds.length;
}

/** Sets ancestorIds/depth for every org whose path is not yet derived, top-down. */
export async function fillAncestors(db: TDb): Promise<void> {
  await db.$executeRaw`UPDATE "Org" SET "ancestorIds" = ARRAY["id"], "depth" = 0 WHERE "parentId" IS NULL AND cardinality("ancestorIds") = 0`;
  for (;;) {
    const n = await db.$executeRaw`
      UPDATE "Org" c SET "ancestorIds" = p."ancestorIds" || c."id", "depth" = p."depth" + 1
      FROM "Org" p
      WHERE c."parentId" = p."id" AND cardinality(c."ancestorIds") = 0 AND cardinality(p."ancestorIds") > 0`;
    if (n === 0) break;
  }
}
