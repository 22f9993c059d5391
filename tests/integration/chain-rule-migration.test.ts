import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday } from "@/lib/dates";
import { readMaintained, recomputeRollups, type TRecomputed } from "@/features/rollups/server/recompute";
import { loadReportObjectives } from "@/prisma/seed/objectives";
import { seedOrgs } from "@/prisma/seed/orgs";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Upgrading a database written under the old rule (a passed-down task counted in every region on
// its path, progress as whole numbers): the migration marks the chains, re-derives the parents'
// progress exactly, rebuilds the roll-ups and takes the passed-down tasks out of the trend
// history at and above their parent's holder. Every expected figure is worked out by hand.
let t: TTestDb;
const today = chinaToday();
const D = addDays(today, -1); // the snapshot day
const at = (day: Date, hour: number) => new Date(day.getTime() + (hour - 8) * 3_600_000); // China time

beforeAll(async () => {
  t = await createTestDb({ before: "20261203114619_chain_rule" });
  // The old schema: the seed's objective and user rows are the current schema's (plans came
  // later), so the report's objectives and the one user this test needs are written in SQL.
  for (const o of loadReportObjectives()) {
    await t.db.$executeRaw`
      INSERT INTO "Objective" (code, level, "parentId", title, "sourceText", "sortOrder", "updatedAt")
      SELECT ${o.code}, ${o.level}::"ObjectiveLevel", (SELECT id FROM "Objective" WHERE code = ${o.parentCode}),
        ${o.title}, ${o.sourceText}, ${o.order}, now()`;
  }
  await seedOrgs(t.db);
  await t.db.$executeRaw`
    INSERT INTO "User" (username, name, "passwordHash", role, "orgId", "updatedAt")
    SELECT 'acftu', '全总督办员', 'x', 'MANAGER', id, now() FROM "Org" WHERE code = '000000'`;
});
afterAll(() => t.close());

describe("the chain_rule migration", () => {
  it("re-counts chains, derives parents exactly and corrects roll-ups and trend history", async () => {
    const db = t.db;
    const [ids] = await db.$queryRaw<{ m: number; main: number }[]>`
      SELECT m.id AS m, mt.id AS main FROM "Objective" m JOIN "Objective" mt ON mt.code = '3.6.1' WHERE m.code = '3.6.1.1'`;
    const { m, main } = ids!;
    const orgs = await db.$queryRaw<{ code: string; id: number; path: number[] }[]>`
      SELECT code, id, "ancestorIds" AS path FROM "Org" WHERE code IN ('000000', '130000', '130100', '130123', '1301230001')`;
    const o = Object.fromEntries(orgs.map((x) => [x.code, x]));
    const counties = await db.$queryRaw<{ id: number; path: number[] }[]>`
      SELECT id, "ancestorIds" AS path FROM "Org" WHERE "parentId" = ${o["130100"]!.id} AND code <> '130123' ORDER BY code LIMIT 2`;
    const [acftu] = await db.$queryRaw<{ id: number }[]>`SELECT id FROM "User" WHERE username = 'acftu'`;
    const user = acftu!.id;
    const due = addDays(today, 10);
    const task = async (a: {
      org: { id: number; path: number[] };
      review: number;
      parent: number | null;
      status: string;
      progress: number;
      completedAt?: Date;
    }) => {
      const [row] = await db.$queryRaw<{ id: number }[]>`
        INSERT INTO "Task" ("objectiveId", "mainTaskId", "orgId", "orgPath", "reviewOrgId", "parentTaskId", kind, status, "dueDate",
          progress, "completedAt", "createdById", "updatedAt")
        VALUES (${m}, ${main}, ${a.org.id}, ${a.org.path}, ${a.review}, ${a.parent}, 'ASSIGNED', ${a.status}::"TaskStatus",
          ${due}::date, ${a.progress}, ${a.completedAt ?? null}, ${user}, now())
        RETURNING id`;
      return row!.id;
    };
    const event = (taskId: number, e: { type: string; when: Date; to: string | null; changes?: object }) => {
      const { type, when, to, changes } = e;
      return db.$executeRaw`INSERT INTO "TaskEvent" ("taskId", "actorId", type, "toStatus", changes, "createdAt")
        VALUES (${taskId}, ${user}, ${type}::"TaskEventType", ${to}::"TaskStatus", ${changes ? JSON.stringify(changes) : null}::jsonb, ${when})`;
    };
    // 全总 → 河北 (T1, 50 % by the old rounding); 河北 passed it to 正定 (T2, approved on day D) and to
    // two more counties (T3 0 %, T4 1 %); 正定 gave 恒达 a task of its own (T5, 20 %).
    const hebei = o["130000"]!;
    const t1 = await task({
      org: hebei,
      review: o["000000"]!.id,
      parent: null,
      status: "IN_PROGRESS",
      progress: 50,
    });
    const t2 = await task({
      org: o["130123"]!,
      review: hebei.id,
      parent: t1,
      status: "COMPLETED",
      progress: 100,
      completedAt: at(D, 12),
    });
    const t3 = await task({
      org: counties[0]!,
      review: hebei.id,
      parent: t1,
      status: "IN_PROGRESS",
      progress: 0,
    });
    const t4 = await task({
      org: counties[1]!,
      review: hebei.id,
      parent: t1,
      status: "IN_PROGRESS",
      progress: 1,
    });
    const t5 = await task({
      org: o["1301230001"]!,
      review: o["130123"]!.id,
      parent: null,
      status: "IN_PROGRESS",
      progress: 20,
    });
    for (const id of [t2, t3, t4]) {
      await event(id, { type: "CASCADED", when: at(addDays(D, -2), 9), to: "PENDING_SIGN" });
      await event(id, { type: "SIGNED", when: at(addDays(D, -2), 10), to: "IN_PROGRESS" });
    }
    await event(t4, {
      type: "PROGRESS",
      when: at(addDays(D, -1), 10),
      to: null,
      changes: { progress: [0, 1] },
    });
    await event(t2, { type: "SUBMITTED", when: at(addDays(D, -1), 15), to: "SUBMITTED" });
    await event(t2, { type: "APPROVED", when: at(D, 12), to: "COMPLETED", changes: { progress: [60, 100] } });
    // The old roll-ups (every region on the path) and the old snapshots of day D.
    await db.$executeRawUnsafe(`
      INSERT INTO "Rollup" ("orgId", "objectiveId", "mainTaskId", "inProgress", "completed", "completedOnTime", "progressSum")
      SELECT a.org, t."objectiveId", t."mainTaskId", count(*) FILTER (WHERE t.status = 'IN_PROGRESS'),
        count(*) FILTER (WHERE t.status = 'COMPLETED'), count(*) FILTER (WHERE t.status = 'COMPLETED'),
        sum(CASE WHEN t.status = 'COMPLETED' THEN 100 ELSE t.progress END)
      FROM "Task" t CROSS JOIN LATERAL unnest(t."orgPath") a(org) JOIN "Org" ro ON ro.id = a.org AND ro.level IN ('PROVINCE', 'CITY', 'COUNTY')
      GROUP BY 1, 2, 3`);
    await db.$executeRaw`
      INSERT INTO "RollupSnapshot" ("orgId", day, total, completed, "completedOnTime", overdue, "progressSum")
      SELECT "orgId", ${D}::date, "inProgress" + completed, completed, "completedOnTime", 0, "progressSum" FROM "Rollup"
      UNION ALL
      SELECT ${o["000000"]!.id}, ${D}::date, "inProgress" + completed, completed, "completedOnTime", 0, "progressSum"
      FROM "Rollup" WHERE "orgId" = ${hebei.id}`;
    const snap = async (orgId: number) =>
      (
        await db.$queryRaw<{ total: number; completed: number; progressSum: number }[]>`
          SELECT total, completed, "progressSum"::float8 AS "progressSum" FROM "RollupSnapshot" WHERE "orgId" = ${orgId} AND day = ${D}::date`
      )[0];
    expect(await snap(hebei.id)).toEqual({ total: 5, completed: 1, progressSum: 171 }); // the old double count

    await t.migrateRest();

    const rows = await db.$queryRaw<{ id: number; countFrom: number; progress: number }[]>`
      SELECT id, "countFrom", progress FROM "Task" WHERE id IN (${t1}, ${t2}, ${t3}, ${t4}, ${t5}) ORDER BY id`;
    expect(rows.map((r) => r.countFrom)).toEqual([0, 2, 2, 2, 0]); // below 河北 (path 全总, 河北)
    expect(rows[0]!.progress).toBe(33.666667); // (100 + 0 + 1) / 3, six places
    // Roll-ups: 河北 = T1 + T5 = 2 tasks, 33.666667 + 20; 石家庄 = T2, T3, T4, T5; 正定 = T2, T5.
    const r = await readMaintained(db, today, [hebei.id, o["130100"]!.id, o["130123"]!.id]);
    const fig = (orgId: number) => {
      const x = r.find((y) => y.orgId === orgId)!;
      return { tasks: x.inProgress + x.completed, completed: x.completed, progressSum: x.progressSum };
    };
    expect(fig(hebei.id)).toEqual({ tasks: 2, completed: 0, progressSum: 53.666667 });
    expect(fig(o["130100"]!.id)).toEqual({ tasks: 4, completed: 1, progressSum: 121 });
    expect(fig(o["130123"]!.id)).toEqual({ tasks: 2, completed: 1, progressSum: 120 });
    const key = (x: TRecomputed) => `${x.orgId}:${x.objectiveId}`;
    const all = await readMaintained(db, today);
    const recomputed = await recomputeRollups(db, today);
    expect(new Map(all.map((x) => [key(x), x]))).toEqual(new Map(recomputed.map((x) => [key(x), x])));
    // History on day D: T2, T3, T4 leave 全国 and 河北 (completed 1 → 0, progress 100 + 0 + 1 out);
    // 石家庄 and 正定 keep them (they are below 河北).
    expect(await snap(o["000000"]!.id)).toEqual({ total: 2, completed: 0, progressSum: 70 });
    expect(await snap(hebei.id)).toEqual({ total: 2, completed: 0, progressSum: 70 });
    expect(await snap(o["130100"]!.id)).toEqual({ total: 4, completed: 1, progressSum: 121 });
    expect(await snap(o["130123"]!.id)).toEqual({ total: 2, completed: 1, progressSum: 120 });
  });
});
