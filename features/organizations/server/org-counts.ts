import type { TDb, TTx } from "@/lib/db/client";

// OrgCount: each org's subtree size and active users (the org itself included). Every path that
// adds, moves, activates or deactivates a user adjusts it in the same transaction; bulk loads
// (seeding, the benchmark generator) rebuild it. tests/integration/org-counts.test.ts compares it
// with a live count.

/** Recounts every org from scratch: one aggregation over orgs and one over users. */
export async function rebuildOrgCounts(db: TDb | TTx): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "OrgCount" ("orgId", "orgs", "users")
    SELECT a.id, a.orgs, COALESCE(u.users, 0)
    FROM (SELECT x AS id, count(*)::int AS orgs FROM "Org" o, unnest(o."ancestorIds") x GROUP BY x) a
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

/** The subtree's org count (itself excluded) and active users of `orgId`. */
export async function readOrgCounts(db: TDb, orgId: number): Promise<{ orgs: number; users: number }> {
  const row = await db.orgCount.findUnique({ where: { orgId }, select: { orgs: true, users: true } });
  return { orgs: Math.max(0, (row?.orgs ?? 1) - 1), users: row?.users ?? 0 };
}
