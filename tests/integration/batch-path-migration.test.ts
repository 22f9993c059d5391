import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Upgrading a database written before Task.batchPath: the migration fills it from the chains
// (parentTaskId), top batch first, so a reporting rule on a 下达 covers the tasks passed down from it.
let t: TTestDb;

beforeAll(async () => {
  t = await createTestDb({ before: "20261206040000_task_batch_path" });
  await seedAll(t.db, { demoUsers: true }); // no tasks: the old-schema task rows are written in SQL below
});
afterAll(() => t?.close());

describe("the task_batch_path migration", () => {
  it("fills batchPath down every chain; a claim without a batch stays empty", async () => {
    const db = t.db;
    const [ids] = await db.$queryRaw<{ m: number; main: number; user: number }[]>`
      SELECT m.id AS m, mt.id AS main, (SELECT min(id) FROM "User") AS user
      FROM "Objective" m JOIN "Objective" mt ON mt.code = '3.6.1' WHERE m.code = '3.6.1.1'`;
    const orgs = await db.$queryRaw<{ code: string; id: number; path: number[] }[]>`
      SELECT code, id, "ancestorIds" AS path FROM "Org" WHERE code IN ('130000', '130100', '130123', '1301230001')`;
    const o = Object.fromEntries(orgs.map((x) => [x.code, x]));
    const batch = async () => {
      const [b] = await db.$queryRaw<{ id: number }[]>`
        INSERT INTO "AssignmentBatch" ("createdById", "assignerOrgId", "clientToken", "measureCount", "targetCount", "taskCount", "skippedCount")
        VALUES (${ids!.user}, ${o["130000"]!.id}, gen_random_uuid()::text, 1, 1, 1, 0) RETURNING id`;
      return b!.id;
    };
    const task = async (code: string, parent: number | null, batch: { id: number | null; m?: number }) => {
      const m = batch.m ?? ids!.m;
      const batchId = batch.id;
      const [row] = await db.$queryRaw<{ id: number }[]>`
        INSERT INTO "Task" ("objectiveId", "mainTaskId", "orgId", "orgPath", "reviewOrgId", "parentTaskId", "batchId",
          kind, status, "dueDate", "createdById", "updatedAt")
        VALUES (${m}, ${ids!.main}, ${o[code]!.id}, ${o[code]!.path}, ${o["130000"]!.id}, ${parent}, ${batchId},
          'ASSIGNED', 'IN_PROGRESS', ${addDays(chinaToday(), 30)}::date, ${ids!.user}, now())
        RETURNING id`;
      return row!.id;
    };
    const [b1, b2, b3, b4] = [await batch(), await batch(), await batch(), await batch()];
    const city = await task("130100", null, { id: b1 }); // 河北 → 石家庄
    const county = await task("130123", city, { id: b2 }); // 石家庄 → 正定
    const branch = await task("1301230001", county, { id: b3 }); // 正定 → 恒达
    // A claim (no batch) of another measure, passed down.
    const [{ m2 } = { m2: 0 }] = await db.$queryRaw<{ m2: number }[]>`
      SELECT id AS m2 FROM "Objective" WHERE code = '3.6.1.2'`;
    const claimed = await task("130000", null, { id: null, m: m2 });
    const below = await task("130100", claimed, { id: b4, m: m2 });
    await t.migrateRest();
    const rows = await db.task.findMany({ select: { id: true, batchPath: true } });
    const path = new Map(rows.map((r) => [r.id, r.batchPath]));
    expect(path.get(city)).toEqual([b1]);
    expect(path.get(county)).toEqual([b1, b2]);
    expect(path.get(branch)).toEqual([b1, b2, b3]);
    expect(path.get(claimed)).toEqual([]);
    expect(path.get(below)).toEqual([b4]);
  });
});
