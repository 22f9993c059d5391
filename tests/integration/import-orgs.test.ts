import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildOrgCounts } from "@/features/organizations/server/org-counts";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { ORG_HEADERS, xlsxOf } from "../helpers/import-files";
import { commitNow, uploadNow } from "../helpers/import-run";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The ORGS import end to end against the database: counts computed by hand from the file below, the
// commit's writes, idempotent re-import, a changed file, and a preview gone stale.
let t: TTestDb;
let zhengding: TTestActor;
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  zhengding = (await loadActors(t.db)).zhengding!;
});
afterAll(() => t.close());

const PATH = "河北省总工会/石家庄市总工会/正定县总工会";
// Row numbers: header = 1.
const FILE = [
  ORG_HEADERS,
  ["正定县新华纺织有限公司工会", "1301230101", "130123", "企业", 300, "李华", "13800000001"], // 2 NEW
  ["正定县城南社区工会", "1301230102", PATH, "街道社区", "", "", ""], // 3 NEW (parent by name path)
  ["正定县恒达机械有限公司工会", "1301230001", "130123", "企业", 80, "王强", ""], // 4 CHANGED (demo union)
  ["长安区某公司工会", "1301230110", "130102", "企业", 10, "", ""], // 5 ERROR parent outside subtree
  ["借用代码工会", "1301020001", "130123", "企业", 10, "", ""], // 6 ERROR code outside subtree
  ["类型错误工会", "1301230111", "130123", "合资", 10, "", ""], // 7 ERROR type
  ["人数错误工会", "1301230112", "130123", "企业", "很多", "", ""], // 8 ERROR member count
  ["重复一", "1301230103", "130123", "企业", 1, "", ""], // 9 ERROR duplicate of 10
  ["重复二", "1301230103", "130123", "企业", 2, "", ""], // 10 ERROR duplicate of 9
  ["全角工会", "１３０１２３０１０４", "１３０１２３", "行业", "１２", "", ""], // 11 NEW, normalised
];

async function snapshot() {
  const [orgs, changes] = await Promise.all([t.db.org.count(), t.db.changeLog.count()]);
  const last = await t.db.org.aggregate({ _max: { updatedAt: true } });
  return { orgs, changes, lastUpdate: last._max.updatedAt?.getTime() };
}

async function rowsOf(jobId: number) {
  return t.db.importRow.findMany({ where: { jobId }, orderBy: { rowNo: "asc" } });
}

describe("ORGS import pipeline", () => {
  let firstJob: number;

  it("previews the file with counts computed by hand and writes nothing", async () => {
    const before = await snapshot();
    const job = await uploadNow(t.db, zhengding, { kind: "ORGS", bytes: await xlsxOf(FILE) });
    expect(job.status).toBe("PREVIEW");
    expect([job.newCount, job.changedCount, job.unchangedCount, job.errorCount]).toEqual([3, 1, 0, 6]);
    const rows = await rowsOf(job.id);
    expect(rows.map((r) => [r.rowNo, r.action])).toEqual([
      [2, "NEW"],
      [3, "NEW"],
      [4, "CHANGED"],
      [5, "ERROR"],
      [6, "ERROR"],
      [7, "ERROR"],
      [8, "ERROR"],
      [9, "ERROR"],
      [10, "ERROR"],
      [11, "NEW"],
    ]);
    const codes = (n: number) =>
      (rows.find((r) => r.rowNo === n)!.errors as { code: string }[]).map((e) => e.code);
    expect(codes(5)).toEqual(["parentOutOfScope"]);
    expect(codes(6)).toEqual(["codeOutOfScope"]);
    expect(codes(7)).toEqual(["orgType"]);
    expect(codes(8)).toEqual(["memberCount"]);
    expect(rows.find((r) => r.rowNo === 9)!.errors).toEqual([
      { code: "duplicateKey", params: { rows: "10" } },
    ]);
    expect(rows.find((r) => r.rowNo === 11)!.data).toMatchObject({
      code: "1301230104",
      parent: "130123",
      memberCount: 12,
    });
    expect(rows.find((r) => r.rowNo === 4)!.changes).toEqual({
      type: [null, "ENTERPRISE"],
      memberCount: [null, 80],
      chairName: [null, "王强"],
    });
    expect(await snapshot()).toEqual(before);
    firstJob = job.id;
  });

  it("commits exactly the new and changed rows, with history and exact OrgCount", async () => {
    const before = await snapshot();
    const county = await t.db.org.findUniqueOrThrow({ where: { code: "130123" }, include: { counts: true } });
    const job = await commitNow(t.db, zhengding, firstJob);
    expect(job.status).toBe("DONE");
    expect((await snapshot()).orgs).toBe(before.orgs + 3);
    const created = await t.db.org.findMany({
      where: { code: { in: ["1301230101", "1301230102", "1301230104"] } },
      orderBy: { code: "asc" },
    });
    expect(created.map((o) => [o.code, o.level, o.parentId, o.depth, o.regionCode])).toEqual(
      created.map((o) => [o.code, "GRASSROOTS", county.id, county.depth + 1, county.regionCode]),
    );
    expect(created[0]!.ancestorIds).toEqual([...county.ancestorIds, created[0]!.id]);
    // The 4 demo unions hold sortOrder 1..4; the new ones follow in file order.
    expect(created.map((o) => o.sortOrder)).toEqual([5, 6, 7]);
    const hengda = await t.db.org.findUniqueOrThrow({ where: { code: "1301230001" } });
    expect([hengda.type, hengda.memberCount, hengda.chairName, hengda.contact]).toEqual([
      "ENTERPRISE",
      80,
      "王强",
      null,
    ]);
    const history = await t.db.changeLog.findMany({
      where: { importJobId: firstJob },
      orderBy: { id: "asc" },
    });
    expect(history.map((h) => h.action).sort()).toEqual(["create", "create", "create", "update"]);
    expect(history.find((h) => h.action === "update")).toMatchObject({
      entityId: hengda.id,
      actorId: zhengding.id,
    });
    expect(await t.db.orgCount.findUnique({ where: { orgId: county.id } })).toMatchObject({
      orgs: county.counts!.orgs + 3,
    });
    const stored = await t.db.orgCount.findMany({ orderBy: { orgId: "asc" } });
    await rebuildOrgCounts(t.db);
    expect(await t.db.orgCount.findMany({ orderBy: { orgId: "asc" } })).toEqual(stored);
    expect(
      await t.db.auditEvent.count({ where: { action: "import.commit", targetId: String(firstJob) } }),
    ).toBe(1);
  });

  it("re-imports the same file as unchanged and writes nothing", async () => {
    const before = await snapshot();
    const job = await uploadNow(t.db, zhengding, { kind: "ORGS", bytes: await xlsxOf(FILE) });
    expect([job.newCount, job.changedCount, job.unchangedCount, job.errorCount]).toEqual([0, 0, 4, 6]);
    expect((await commitNow(t.db, zhengding, job.id)).status).toBe("DONE");
    expect(await snapshot()).toEqual(before);
  });

  it("updates exactly the changed field of a changed file, with its history", async () => {
    const file = FILE.map((r, i) => (i === 1 ? [...r.slice(0, 4), 350, ...r.slice(5)] : r));
    const job = await uploadNow(t.db, zhengding, { kind: "ORGS", bytes: await xlsxOf(file) });
    expect([job.newCount, job.changedCount, job.unchangedCount, job.errorCount]).toEqual([0, 1, 3, 6]);
    await commitNow(t.db, zhengding, job.id);
    const org = await t.db.org.findUniqueOrThrow({ where: { code: "1301230101" } });
    expect([org.memberCount, org.chairName, org.name]).toEqual([350, "李华", "正定县新华纺织有限公司工会"]);
    const history = await t.db.changeLog.findMany({ where: { importJobId: job.id } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      entityId: org.id,
      action: "update",
      changes: { memberCount: [300, 350] },
    });
  });

  it("refuses a preview gone stale and writes nothing", async () => {
    const file = [ORG_HEADERS, ["新厂工会", "1301230120", "130123", "企业", 5, "", ""], FILE[2]!];
    const job = await uploadNow(t.db, zhengding, { kind: "ORGS", bytes: await xlsxOf(file) });
    expect([job.newCount, job.unchangedCount]).toEqual([1, 1]);
    // Someone edits a union of the file after the preview.
    await t.db.org.update({ where: { code: "1301230102" }, data: { chairName: "后来的主席" } });
    const before = await snapshot();
    const done = await commitNow(t.db, zhengding, job.id);
    expect([done.status, done.errorCode]).toEqual(["FAILED", "STALE"]);
    expect(await snapshot()).toEqual(before);
    expect(await t.db.org.count({ where: { code: "1301230120" } })).toBe(0);
    expect(await t.db.changeLog.count({ where: { importJobId: job.id } })).toBe(0);
  });
});
