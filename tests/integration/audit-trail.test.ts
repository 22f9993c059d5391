import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { pruneAudit } from "@/lib/audit/prune";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const meta = { ip: "10.1.2.3", userAgent: "vitest" };
const DAY = 86_400_000;

/** Records `n` events dated `daysAgo` days back (only Date is faked; the database keeps real time). */
async function recordAt(daysAgo: number, n: number, name = "u") {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(Date.now() - daysAgo * DAY));
  try {
    for (let i = 0; i < n; i++)
      await recordAudit({
        action: "auth.login",
        actorName: `${name}${i}`,
        detail: { i, days: daysAgo },
        meta,
      });
  } finally {
    vi.useRealTimers();
  }
}

/** Runs SQL with the append-only triggers switched off, as a superuser could. */
async function asSuperuser(sql: string) {
  await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete"`);
  try {
    await t.db.$executeRawUnsafe(sql);
  } finally {
    await t.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete"`);
  }
}

/** The database's refusal text, wherever the driver adapter puts it. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: Error) => `${e.message} ${JSON.stringify(e)}`,
  );

const rowsInOrder = () =>
  t.db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, hash: true, prevHash: true } });

describe("the hash chain", () => {
  it("links every row to the one before it and verifies", async () => {
    await recordAt(0, 5, "chain");
    const rows = await rowsInOrder();
    expect(rows).toHaveLength(5);
    expect(rows[0]!.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(5);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: 5 });
  });

  it("writes inside the caller's transaction and disappears with its rollback", async () => {
    const before = await t.db.auditEvent.count();
    await expect(
      t.db.$transaction(async (tx) => {
        await recordAudit({ action: "user.create", actorName: "rolled-back", meta }, tx);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await t.db.auditEvent.count()).toBe(before);
    await t.db.$transaction((tx) => recordAudit({ action: "user.create", actorName: "kept", meta }, tx));
    expect(await t.db.auditEvent.count()).toBe(before + 1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe("the database keeps it append-only", () => {
  it("refuses UPDATE, DELETE of a young row and TRUNCATE", async () => {
    const { id } = (await rowsInOrder())[0]!;
    const refused = async (sql: string) =>
      expect(await refusal(t.db.$executeRawUnsafe(sql))).toMatch(
        /append-only: (UPDATE|DELETE|TRUNCATE) refused/,
      );
    await refused(`UPDATE "AuditEvent" SET "actorName" = 'x' WHERE "id" = ${id}`);
    await refused(`DELETE FROM "AuditEvent" WHERE "id" = ${id}`);
    await refused(`TRUNCATE "AuditEvent"`);
    await expect(t.db.auditEvent.deleteMany({})).rejects.toThrow();
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe("tampering is detected", () => {
  it("names a changed row (its hash) and the row after a removed one (its link)", async () => {
    await recordAt(0, 4, "tamper");
    const rows = await rowsInOrder();
    const changed = rows.at(-3)!.id;
    await asSuperuser(`UPDATE "AuditEvent" SET "ip" = '6.6.6.6' WHERE "id" = ${changed}`);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      checked: rows.length - 3,
      brokenId: changed,
      reason: "hash",
    });
    await asSuperuser(`UPDATE "AuditEvent" SET "ip" = '10.1.2.3' WHERE "id" = ${changed}`);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    // A row removed from the middle: its successor no longer follows the row before.
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE "id" = ${rows.at(-2)!.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      brokenId: rows.at(-1)!.id,
      reason: "link",
    });
    // Start the next test from an empty trail.
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE "id" >= ${rows[0]!.id}`);
  });
});

describe("pruning", () => {
  it("needs at least 180 days, deletes only older rows and leaves a chain that verifies", async () => {
    await recordAt(400, 3, "old");
    await recordAt(181, 2, "older-than-retention");
    await recordAt(179, 2, "young");
    await recordAt(0, 2, "today");
    await expect(pruneAudit(t.db, 179)).rejects.toThrow(RangeError);
    const { deleted } = await pruneAudit(t.db, 180);
    expect(deleted).toBe(5);
    const left = await t.db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(left.filter((r) => r.actorName?.startsWith("old"))).toEqual([]);
    expect(left.filter((r) => r.actorName?.startsWith("young"))).toHaveLength(2);
    expect(left.filter((r) => r.actorName?.startsWith("today"))).toHaveLength(2);
    expect(left[0]!.prevHash).not.toBeNull(); // the anchor
    expect(left.at(-1)).toMatchObject({ action: "audit.prune", detail: { days: 180, deleted: 5 } });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, checked: left.length });
    // The database itself still refuses to delete a row younger than the retention.
    const young = left.find((r) => r.actorName?.startsWith("young"))!;
    expect(
      await refusal(t.db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = ${young.id}`)),
    ).toMatch(/append-only: DELETE refused/);
  });
});

describe("concurrent writers (PostgreSQL only: PGlite has one connection and cannot race)", () => {
  it.runIf(process.env.TEST_DATABASE_URL)("keep the chain linear", async () => {
    const before = await t.db.auditEvent.count();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2
          ? recordAudit({ action: "auth.login", actorName: `race${i}`, meta })
          : t.db.$transaction(async (tx) => {
              await tx.$executeRaw`SELECT pg_sleep(0.005)`;
              await recordAudit({ action: "user.update", actorName: `race${i}`, meta }, tx);
            }),
      ),
    );
    const rows = await rowsInOrder();
    expect(rows).toHaveLength(before + 40);
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});
