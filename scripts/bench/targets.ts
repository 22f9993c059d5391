import type { TDb } from "@/lib/db/client";

// The orgs whose completion views are measured, and which roll-up rows each view reads
// (as getCompletion does): the root reads its children (it has no rows of its own), any
// other org reads its children and itself.
export type TTarget = { id: number; name: string; depth: number; isRoot: boolean; readIds: number[] };
export type TTargets = { national: TTarget; provinces: TTarget[]; counties: TTarget[] };

export async function loadTargets(db: TDb): Promise<TTargets> {
  const orgs = await db.org.findMany({ where: { level: { in: ["NATIONAL", "PROVINCE", "COUNTY"] } }, select: { id: true, name: true, level: true, depth: true, parentId: true } });
  const children = await db.$queryRaw<{ parentId: number; ids: number[] }[]>`
    SELECT "parentId", array_agg(id ORDER BY id) AS ids FROM "Org" WHERE "parentId" IS NOT NULL GROUP BY "parentId"`;
  const kids = new Map(children.map((c) => [c.parentId, c.ids]));
  const target = (o: (typeof orgs)[number]): TTarget => {
    const isRoot = o.parentId === null;
    const ids = kids.get(o.id) ?? [];
    return { id: o.id, name: o.name, depth: o.depth, isRoot, readIds: isRoot ? ids : [...ids, o.id] };
  };
  const root = orgs.find((o) => o.level === "NATIONAL");
  if (!root) throw new Error("no national org: is the database seeded?");
  return {
    national: target(root),
    provinces: orgs.filter((o) => o.level === "PROVINCE").map(target),
    counties: orgs.filter((o) => o.level === "COUNTY").map(target),
  };
}
