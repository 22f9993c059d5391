import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrgInScope } from "@/features/organizations/server/get-org";
import { listChildOrgs, searchOrgs } from "@/features/organizations/server/list-orgs";
import { fillAncestors } from "@/prisma/seed/orgs";
import { seedAll } from "@/prisma/seed/seed-all";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
const org = async (code: string) => t.db.org.findUniqueOrThrow({ where: { code }, select: { id: true } });
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: false });
});
afterAll(() => t.close());

describe("org scope", () => {
  it("an org inside the subtree is found, with a trail that starts at the actor's org", async () => {
    const hebei = await org("130000");
    const zhengding = await org("130123");
    const found = await getOrgInScope({ orgId: hebei.id }, zhengding.id);
    expect(found?.trail.map((a) => a.name)).toEqual(["河北省总工会", "石家庄市总工会", "正定县总工会"]);
  });

  it("an org outside the subtree is not found, exactly like a missing one", async () => {
    const hubei = await org("420000");
    expect(await getOrgInScope({ orgId: hubei.id }, (await org("130123")).id)).toBeNull();
    expect(await getOrgInScope({ orgId: hubei.id }, 99_999_999)).toBeNull();
    expect(await getOrgInScope({ orgId: (await org("130123")).id }, (await org("130100")).id)).toBeNull();
  });

  it("search finds same-named districts nationally but only the own province's below it", async () => {
    const root = await org("000000");
    const all = await searchOrgs({ orgId: root.id }, "朝阳区");
    expect(all.items.map((o) => o.name).sort()).toEqual(["北京市朝阳区总工会", "长春市朝阳区总工会"]);
    const inHebei = await searchOrgs({ orgId: (await org("130000")).id }, "朝阳区");
    expect(inHebei.items).toHaveLength(0);
    const byCode = await searchOrgs({ orgId: (await org("130000")).id }, "130123");
    // A code prefix finds the county first (shallowest), then its branches.
    expect(byCode.items.map((o) => o.code)).toEqual([
      "130123",
      "1301230001",
      "1301230002",
      "1301230003",
      "1301230004",
    ]);
  });

  it("each listed org and the org page carry their direct children's and users' counts", async () => {
    const hebei = await org("130000");
    const page = await listChildOrgs({ orgId: hebei.id }, hebei.id);
    expect(page.items.length).toBeGreaterThan(5);
    // Counted a second way: one row per child, by hand from the parent ids.
    const all = await t.db.org.findMany({ select: { parentId: true } });
    for (const o of page.items)
      expect(o._count.children, o.name).toBe(all.filter((x) => x.parentId === o.id).length);
    const sjz = await getOrgInScope({ orgId: hebei.id }, (await org("130100")).id);
    expect(sjz?._count.children).toBe(all.filter((x) => x.parentId === sjz?.id).length);
    expect(sjz?._count.children).toBeGreaterThan(0);
  });

  it("children are paged with a cursor: no row lost or repeated", async () => {
    const county = await org("130123");
    await t.db.org.createMany({
      data: Array.from({ length: 70 }, (_, i) => ({
        code: `13012390${String(i).padStart(2, "0")}`,
        name: `测试工会${i}`,
        level: "GRASSROOTS" as const,
        parentId: county.id,
        depth: 0,
        sortOrder: 100 + i,
        ancestorIds: [],
      })),
    });
    await fillAncestors(t.db);
    const actor = { orgId: (await org("130000")).id };
    const first = await listChildOrgs(actor, county.id);
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const second = await listChildOrgs(actor, county.id, Number(first.nextCursor));
    expect(second.nextCursor).toBeNull();
    const codes = [...first.items, ...second.items].map((o) => o.code);
    expect(new Set(codes).size).toBe(74);
    expect(codes.slice(0, 4)).toEqual(["1301230001", "1301230002", "1301230003", "1301230004"]);
    const outsider = { orgId: (await org("420000")).id };
    expect((await listChildOrgs(outsider, county.id)).items).toHaveLength(0);
  });
});
