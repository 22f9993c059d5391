import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHomeStats } from "@/features/home/server/get-home-stats";
import { ZCreateUser } from "@/features/users/schemas";
import { createUser } from "@/features/users/server/create-user";
import { setUserActive } from "@/features/users/server/update-user";
import type { TActor } from "@/features/users/server/actor";
import { closeOrg } from "@/features/organizations/server/change/close-org";
import { mergeOrg } from "@/features/organizations/server/change/merge-org";
import { moveOrg } from "@/features/organizations/server/change/move-org";
import { DEFAULT_ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { seedAll } from "@/prisma/seed/seed-all";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// OrgCount against a live count computed a second way: walking Org.parentId recursively (not the
// ancestorIds the maintained counts are built from).
let t: TTestDb;
const actors: Record<string, TActor> = {};
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  for (const u of await t.db.user.findMany({ select: { id: true, username: true, role: true, orgId: true } }))
    actors[u.username] = u;
});
afterAll(() => t.close());

type TCount = { orgId: number; orgs: number; users: number };

async function liveCounts(): Promise<TCount[]> {
  return t.db.$queryRaw<TCount[]>`
    WITH RECURSIVE sub(root, id) AS (
      SELECT id, id FROM "Org"
      UNION ALL SELECT sub.root, o.id FROM sub JOIN "Org" o ON o."parentId" = sub.id)
    SELECT sub.root AS "orgId", (count(DISTINCT sub.id) FILTER (WHERE so."closedAt" IS NULL))::int AS orgs,
           (SELECT count(*) FROM "User" u WHERE u.active AND u."orgId" IN
              (SELECT s2.id FROM sub s2 WHERE s2.root = sub.root))::int AS users
    FROM sub JOIN "Org" so ON so.id = sub.id GROUP BY sub.root ORDER BY sub.root`;
}

async function storedCounts(): Promise<TCount[]> {
  return t.db.orgCount.findMany({
    select: { orgId: true, orgs: true, users: true },
    orderBy: { orgId: "asc" },
  });
}

async function newUser(username: string, orgCode: string) {
  const org = await t.db.org.findUniqueOrThrow({ where: { code: orgCode }, select: { id: true } });
  return ZCreateUser.parse({
    username,
    name: "计数",
    role: "STAFF",
    orgId: org.id,
    phone: "",
    password: "Abc12345",
  });
}

describe("OrgCount: subtree sizes and active users", () => {
  it("equals a recursive live count after seeding", async () => {
    const live = await liveCounts();
    expect(live.length).toBeGreaterThan(3000);
    expect(await storedCounts()).toEqual(live);
  });

  it("follows creating, deactivating and reactivating users, and a repeated click changes nothing", async () => {
    const zd = await t.db.org.findUniqueOrThrow({ where: { code: "130123" }, select: { id: true } });
    const before = await t.db.orgCount.findUniqueOrThrow({ where: { orgId: zd.id } });
    const a = await createUser(actors.hebei!, await newUser("count.a", "130123"));
    await createUser(actors.hebei!, await newUser("count.b", "1301230001"));
    await setUserActive(actors.hebei!, { id: a.id, active: false });
    await setUserActive(actors.hebei!, { id: a.id, active: false });
    await setUserActive(actors.hebei!, { id: a.id, active: true });
    await setUserActive(actors.hebei!, { id: a.id, active: false });
    // By hand: +1 (a) +1 (b, a grassroots union under 正定) -1 (a deactivated) = +1.
    expect((await t.db.orgCount.findUniqueOrThrow({ where: { orgId: zd.id } })).users).toBe(before.users + 1);
    expect(await storedCounts()).toEqual(await liveCounts());
  });

  it("follows the tree changes: a move, a merge (users move) and a close (users deactivated)", async () => {
    const code = async (c: string) => (await t.db.org.findUniqueOrThrow({ where: { code: c } })).id;
    const sjz = actors.shijiazhuang!;
    const session = {
      ...sjz,
      username: "shijiazhuang",
      permissions: new Set(DEFAULT_ROLE_PERMISSIONS.MANAGER),
    };
    await moveOrg(
      session,
      { orgId: await code("1301230002"), parentId: await code("130102"), tasks: "transfer" },
      t.db,
    );
    expect(await storedCounts()).toEqual(await liveCounts());
    await mergeOrg(
      session,
      { orgId: await code("1301230001"), intoId: await code("1301020001"), tasks: "transfer" },
      t.db,
    );
    expect(await storedCounts()).toEqual(await liveCounts());
    await closeOrg(session, { orgId: await code("1301020001"), reason: "企业注销", tasks: "cancel" }, t.db);
    // By hand: 正定 1 + 4 branches − 1 moved away − 1 merged away (closed) = 3; 长安 1 + 4 + 1 moved in − 1 closed = 5.
    expect((await t.db.orgCount.findUniqueOrThrow({ where: { orgId: await code("130123") } })).orgs).toBe(3);
    expect((await t.db.orgCount.findUniqueOrThrow({ where: { orgId: await code("130102") } })).orgs).toBe(5);
    expect(await storedCounts()).toEqual(await liveCounts());
  });

  it("feeds the home page's tiles", async () => {
    const hebei = actors.hebei!;
    const live = (await liveCounts()).find((c) => c.orgId === hebei.orgId)!;
    const stats = await getHomeStats(hebei);
    expect(stats.orgs).toBe(live.orgs - 1);
    expect(stats.users).toBe(live.users);
  });
});
