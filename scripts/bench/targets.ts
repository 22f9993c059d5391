import type { TDb } from "@/lib/db/client";
import type { TOrgRef } from "@/features/rollups/server/read-rollups";

// The orgs whose completion views are measured, and which roll-up rows each view reads
// (as getCompletion does): the root reads its children (it has no rows of its own), any
// other org reads its children and itself (a county's children are branches: their tasks).
export type TTarget = { id: number; name: string; depth: number; isRoot: boolean; readOrgs: TOrgRef[] };
export type TTargets = { national: TTarget; provinces: TTarget[]; counties: TTarget[] };

export async function loadTargets(db: TDb): Promise<TTargets> {
  const orgs = await db.org.findMany({
    where: { level: { in: ["NATIONAL", "PROVINCE", "COUNTY"] } },
    select: { id: true, name: true, level: true, depth: true, parentId: true },
  });
  const children = await db.$queryRaw<{ parentId: number; ids: number[]; levels: string[] }[]>`
    SELECT "parentId", array_agg(id ORDER BY id) AS ids, array_agg(level::text ORDER BY id) AS levels
    FROM "Org" WHERE "parentId" IS NOT NULL GROUP BY "parentId"`;
  const kids = new Map(
    children.map((c) => [
      c.parentId,
      c.ids.map((id, i) => ({ id, level: c.levels[i]!, parentId: c.parentId })),
    ]),
  );
  const target = (o: (typeof orgs)[number]): TTarget => {
    const isRoot = o.parentId === null;
    const ids = kids.get(o.id) ?? [];
    return {
      id: o.id,
      name: o.name,
      depth: o.depth,
      isRoot,
      readOrgs: isRoot ? ids : [...ids, { id: o.id, level: o.level, parentId: o.parentId }],
    };
  };
  const root = orgs.find((o) => o.level === "NATIONAL");
  if (!root) throw new Error("no national org: is the database seeded?");
  return {
    national: target(root),
    provinces: orgs.filter((o) => o.level === "PROVINCE").map(target),
    counties: orgs.filter((o) => o.level === "COUNTY").map(target),
  };
}
