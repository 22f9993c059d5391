import crypto from "node:crypto";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createExport } from "@/features/exports/server/export-file";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { getHeatmap } from "@/features/rollups/server/get-heatmap";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { runAction } from "@/lib/action";
import { disconnectReplicaDb, getReplicaDb, setDbForTests, type TDb } from "@/lib/db/client";
import { RECENT_WRITE_COOKIE, readTarget } from "@/lib/db/read-db";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// A replica needs a second PostgreSQL database: PGlite has none, so these tests run on PostgreSQL only
// (they show as skipped on PGlite). The "replica" is a separate database filled differently from the
// primary: which figures a view shows tells which database it read.

// One browser's cookie jar across "requests": what a server action sets, the next read sends back.
const browser = vi.hoisted(() => ({ jar: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)! } : undefined),
    set: (name: string, value: string) => browser.jar.set(name, value),
  }),
  headers: async () => new Headers(),
}));

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let primary: TTestDb;
let replica: TTestDb;
let acftu: TTestActor;
let rootId: number;
const saved = { url: process.env.DATABASE_URL, replica: process.env.DATABASE_REPLICA_URL };
const due = formatDay(addDays(chinaToday(), 180));

/** 下达 of the n-th measure to provinces, as input for assignTasks in that database. */
async function assignment(db: TDb, orgCodes: string[], nth: number) {
  const orgs = await db.org.findMany({ where: { code: { in: orgCodes } }, select: { id: true } });
  const measures = await db.objective.findMany({ where: { level: "MEASURE" }, orderBy: { id: "asc" } });
  return ZAssignTasks.parse({
    clientToken: crypto.randomUUID(),
    objectiveIds: [measures[nth]!.id],
    target: { mode: "orgs", orgIds: orgs.map((o) => o.id) },
    dueDate: due,
    allowPastDue: true,
  });
}

/** Counted independently of the roll-ups: the live tasks in one database. */
async function liveTasks(db: TDb): Promise<number> {
  const [{ n }] = await db.$queryRaw<[{ n: number }]>`
    SELECT count(*)::int AS n FROM "Task" WHERE status <> 'CANCELLED'`;
  return n;
}

async function csvRecords(body: Readable): Promise<number> {
  const parts: Buffer[] = [];
  for await (const b of body) parts.push(Buffer.from(b as Buffer));
  return Buffer.concat(parts).toString("utf8").split("\r\n").length - 1;
}

const national = () => getCompletion(acftu, { orgId: rootId });

describe.runIf(onPostgres)("read replica (PostgreSQL)", () => {
  beforeAll(async () => {
    // The replica first (createTestDb makes each database the app's client in turn): one task at 河北.
    replica = await createTestDb();
    await seedAll(replica.db, { demoUsers: true });
    await assignTasks((await loadActors(replica.db)).acftu!, await assignment(replica.db, ["130000"], 0));
    // The primary: two tasks (河北, 湖北) of another measure.
    primary = await createTestDb();
    await seedAll(primary.db, { demoUsers: true });
    acftu = (await loadActors(primary.db)).acftu!;
    rootId = (await primary.db.org.findFirstOrThrow({ where: { parentId: null } })).id;
    await assignTasks(acftu, await assignment(primary.db, ["130000", "420000"], 1));
    process.env.DATABASE_URL = primary.url;
    process.env.DATABASE_REPLICA_URL = replica.url;
    setDbForTests(primary.db);
  });

  afterAll(async () => {
    process.env.DATABASE_URL = saved.url;
    process.env.DATABASE_REPLICA_URL = saved.replica;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    if (saved.replica === undefined) delete process.env.DATABASE_REPLICA_URL;
    await disconnectReplicaDb();
    await replica?.close();
    await primary?.close();
  });

  it("the databases differ (so the figures tell which one was read)", async () => {
    expect(await liveTasks(replica.db)).toBe(1);
    expect(await liveTasks(primary.db)).toBe(2);
  });

  it("完成情况, the heatmap and the 台账 export read from the replica", async () => {
    browser.jar.clear();
    expect(await readTarget()).toBe("replica");
    expect((await national())!.region.total).toBe(await liveTasks(replica.db));
    // Only 河北 has a task in the replica (河北 and 湖北 in the primary).
    expect((await getHeatmap(acftu, { orgId: rootId }))!.rows.map((r) => r.code)).toEqual(["130000"]);
    const file = await createExport(acftu, {
      kind: "ledger",
      orgId: rootId,
      format: "csv",
      locale: "zh-CN",
    });
    // Header + one record per task of the replica.
    expect(await csvRecords(file!.body)).toBe(1 + (await liveTasks(replica.db)));
  });

  it("a write through the replica's client fails: its sessions are read-only", async () => {
    const db = getReplicaDb();
    await expect(db.org.updateMany({ where: { parentId: null }, data: { name: "改" } })).rejects.toThrow(
      /read-only transaction/,
    );
    await expect(db.$executeRaw`DELETE FROM "Task"`).rejects.toThrow(/read-only transaction/);
    expect(await liveTasks(replica.db)).toBe(1);
  });

  it("after the user's own write (an action through runAction) the next read comes from the primary", async () => {
    browser.jar.clear();
    const before = (await national())!.region.total;
    const input = await assignment(primary.db, ["440000"], 2);
    const r = await runAction(ZAssignTasks, input, (d) => assignTasks(acftu, d));
    expect(r.ok).toBe(true);
    expect(browser.jar.get(RECENT_WRITE_COOKIE)).toBe("1");
    expect(await readTarget()).toBe("primary");
    const after = (await national())!.region.total;
    expect(before).toBe(1); // the replica, which the write did not reach
    expect(after).toBe(await liveTasks(primary.db));
    expect(after).toBe(3);
    // Once the cookie has expired, reads go back to the replica.
    browser.jar.delete(RECENT_WRITE_COOKIE);
    expect((await national())!.region.total).toBe(1);
  });

  it("a failed action sets no cookie", async () => {
    browser.jar.clear();
    const r = await runAction(ZAssignTasks, { clientToken: "x" }, async () => "never");
    expect(r.ok).toBe(false);
    expect(browser.jar.has(RECENT_WRITE_COOKIE)).toBe(false);
  });
});

describe.skipIf(onPostgres)("read replica", () => {
  it.skip("needs PostgreSQL (TEST_DATABASE_URL): PGlite has no second database to act as a replica", () => {});
});
