import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findObjectives } from "@/features/objectives/server/find-objectives";
import { searchOrgs } from "@/features/organizations/server/list-orgs";
import { ZAssignTasks, ZTaskFilters } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { listClaimable } from "@/features/tasks/server/list-claimable";
import { listTasks } from "@/features/tasks/server/list-tasks";
import { searchTargetOrgs } from "@/features/tasks/server/search-target-orgs";
import { listUsers } from "@/features/users/server/list-users";
import { searchManagedOrgs } from "@/features/users/server/search-orgs";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Finding 10: `%` and `_` typed into a search box are text, not LIKE wildcards, in every search.
let t: TTestDb;
let A: Record<string, TTestActor>;
const WILD = ["%", "_", "%%", "\\", "_%_"];

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  const sub = await t.db.objective.findUniqueOrThrow({ where: { code: "3.3.1" } });
  const sjz = await t.db.org.findUniqueOrThrow({ where: { code: "130100" } });
  await assignTasks(
    A.hebei!,
    ZAssignTasks.parse({
      clientToken: crypto.randomUUID(),
      objectiveIds: [sub.id],
      target: { mode: "level", level: "COUNTY", underOrgId: sjz.id },
      dueDate: formatDay(addDays(chinaToday(), 30)),
    }),
  );
  // One org whose name really holds the characters: searching for them finds exactly it.
  await t.db.org.update({ where: { code: "130123" }, data: { name: "正定县总工会_100%" } });
});
afterAll(() => t.close());

describe("search boxes take % and _ literally", () => {
  it("the task list: q=% no longer lists every task, only those whose text holds a real %", async () => {
    const all = await listTasks(A.hebei!, ZTaskFilters.parse({}));
    expect(all.items.length).toBeGreaterThan(0);
    const orgs = await t.db.org.findMany({ select: { id: true, name: true } });
    for (const q of WILD) {
      // Expected independently: the tasks of orgs whose name contains q as plain text (no objective
      // title holds these characters).
      const ids = orgs.filter((o) => o.name.includes(q)).map((o) => o.id);
      const expected = await t.db.task.count({ where: { orgId: { in: ids } } });
      const got = await listTasks(A.hebei!, ZTaskFilters.parse({ q }));
      expect(got.items.length, q).toBe(Math.min(expected, 30));
      expect(
        got.items.every((i) => i.org.name.includes(q)),
        q,
      ).toBe(true);
    }
    expect((await listTasks(A.hebei!, ZTaskFilters.parse({ q: "%" }))).items.length).toBeLessThan(
      all.items.length,
    );
  });

  it("orgs, users, target orgs, claimable measures and objectives", async () => {
    const report = await t.db.plan.findUniqueOrThrow({ where: { codePrefix: "3" } });
    for (const q of WILD) {
      expect(
        (await searchOrgs(A.admin!, q)).items.map((o) => o.name),
        q,
      ).toEqual(
        q === "%" || q === "_" || q === "_%_" ? ["正定县总工会_100%"].filter((n) => n.includes(q)) : [],
      );
      expect((await listUsers(A.admin!, { q })).items, q).toHaveLength(0);
      expect(
        (await searchManagedOrgs(A.admin!, q)).map((o) => o.name).every((n) => n.includes(q)),
        q,
      ).toBe(true);
      expect(
        (await searchTargetOrgs(A.hebei!, { q })).map((o) => o.name).every((n) => n.includes(q)),
        q,
      ).toBe(true);
      expect(await listClaimable(A["zhengding.chair"]!, q), q).toHaveLength(0);
      expect((await findObjectives(q, report.id)).hits, q).toHaveLength(0);
    }
    expect((await searchManagedOrgs(A.admin!, "100%")).map((o) => o.name)).toEqual(["正定县总工会_100%"]);
  });
});
