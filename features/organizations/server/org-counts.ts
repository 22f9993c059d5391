import type { TDb, TTx } from "@/lib/db/client";

// OrgCount: each org's subtree size (open orgs: a closed one is history) and active users (the org
// itself included). Every path that adds, moves, activates or deactivates a user, and every tree
// change (move, merge, close), adjusts it in the same transaction; bulk loads
// (seeding, the benchmark generator) rebuild it. tests/integration/org-counts.test.ts compares it
// with a live count.

/** Recounts every org from scratch: one aggregation over orgs and one over users. */
export async function rebuildOrgCounts(db: TDb | TTx): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "OrgCount" ("orgId", "orgs", "users")
    SELECT a.id, a.orgs, COALESCE(u.users, 0)
    FROM (SELECT x AS id, (count(*) FILTER (WHERE o."closedAt" IS NULL))::int AS orgs
          FROM "Org" o, unnest(o."ancestorIds") x GROUP BY x) a
    LEFT JOIN (
      SELECT x AS id, count(*)::int AS users
      FROM "User" u JOIN "Org" o ON o.id = u."orgId", unnest(o."ancestorIds") x
      WHERE u.active GROUP BY x
    ) u ON u.id = a.id
    ON CONFLICT ("orgId") DO UPDATE SET "orgs" = EXCLUDED."orgs", "users" = EXCLUDED."users"`;
}

/** Adds `delta` active users to org `orgId` and each of its ancestors (up to 5 rows). */
export async function adjustUserCount(tx: TDb | TTx, p: { orgId: number; delta: number }): Promise<void> {
  if (p.delta === 0) return;
  await tx.$executeRaw`
    UPDATE "OrgCount" c SET "users" = c."users" + ${p.delta}
    FROM "Org" o WHERE o.id = ${p.orgId} AND c."orgId" = ANY(o."ancestorIds")`;
}

/** Adds `delta` orgs to org `orgId` and each of its ancestors (a closed org leaves the counts). */
export async function adjustOrgCount(tx: TTx, p: { orgId: number; delta: number }): Promise<void> {
  await tx.$executeRaw`
    UPDATE "OrgCount" c SET "orgs" = c."orgs" + ${p.delta}
    FROM "Org" o WHERE o.id = ${p.orgId} AND c."orgId" = ANY(o."ancestorIds")`;
}

/**
 * Takes a subtree's counts (its root's row) off the root's ancestors (−1) or puts them on (+1):
 * a move calls it before and after changing the path.
 */
export async function shiftSubtreeCounts(tx: TTx, p: { orgId: number; sign: 1 | -1 }): Promise<void> {
  await tx.$executeRaw`
    UPDATE "OrgCount" c SET "orgs" = c."orgs" + ${p.sign}::int * s."orgs", "users" = c."users" + ${p.sign}::int * s."users"
    FROM "Org" o, "OrgCount" s
    WHERE o.id = ${p.orgId} AND s."orgId" = o.id AND c."orgId" = ANY(o."ancestorIds") AND c."orgId" <> o.id`;
}

/** The subtree's org count (itself excluded) and active users of `orgId`. */
export async function readOrgCounts(db: TDb, orgId: number): Promise<{ orgs: number; users: number }> {
  const row = await db.orgCount.findUnique({ where: { orgId }, select: { orgs: true, users: true } });
  return { orgs: Math.max(0, (row?.orgs ?? 1) - 1), users: row?.users ?? 0 };
}

/** adjustUserCount for many orgs at once (imports): one statement, each ancestor's deltas summed. */
export async function adjustUserCounts(
  tx: TDb | TTx,
  deltas: readonly { orgId: number; delta: number }[],
): Promise<void> {
  const moves = deltas.filter((d) => d.delta !== 0);
  if (moves.length === 0) return;
  await tx.$executeRaw`
    UPDATE "OrgCount" c SET "users" = c."users" + x.delta
    FROM (
      SELECT a AS id, sum(d.delta)::int AS delta
      FROM unnest(${moves.map((m) => m.orgId)}::int[], ${moves.map((m) => m.delta)}::int[]) AS d(org_id, delta)
      JOIN "Org" o ON o.id = d.org_id, unnest(o."ancestorIds") a
      GROUP BY a
    ) x
    WHERE c."orgId" = x.id AND x.delta <> 0`;
}
