import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/features/auth/server/verify-credentials";
import { PERSON_COLUMNS } from "@/features/users/import/row-schema";
import { passwordSheetState, takePasswordSheet } from "@/features/users/import/password-sheet";
import ExcelJS from "exceljs";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { ORG_HEADERS, xlsxOf } from "../helpers/import-files";
import { commitNow, uploadNow } from "../helpers/import-run";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The whole path through the import pipeline: a county manager imports two grassroots unions, then
// a people file with their chairs (and a few bad rows); the new chair signs in with the initial
// password from the one-time sheet. Counts by hand from the files below.

let t: TTestDb;
let zhengding: TTestActor;
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  zhengding = (await loadActors(t.db)).zhengding!;
});
afterAll(() => t.close());

const PEOPLE_HEADERS = PERSON_COLUMNS.map((c) => c.header);
const PEOPLE = [
  PEOPLE_HEADERS,
  ["陈主席", "zd.chair.a", 13800000011, "1301230201", "基层工会主席"], // 2 NEW (phone as a number cell)
  ["林主席", "ZD.Chair.B", "１３８００００００１２", "正定县总工会/正定县北关社区工会", "主席"], // 3 NEW (full-width)
  ["陈干部", "zd.staff.a", "", "1301230201", "工会干部"], // 4 NEW
  ["重复甲", "zd.dup", "", "1301230201", "干部"], // 5 ERROR duplicate of 6 (case)
  ["重复乙", "ZD.DUP", "", "1301230201", "干部"], // 6 ERROR duplicate of 5
  ["管理员", "zd.admin", "", "130123", "系统管理员"], // 7 ERROR role never imported
  ["外省", "zd.hubei", "", "4201060001", "干部"], // 8 ERROR union outside the subtree
];

describe("people import through the pipeline", () => {
  let jobId: number;
  it("imports the unions first, then previews the people file", async () => {
    const orgs = await uploadNow(t.db, zhengding, {
      kind: "ORGS",
      bytes: await xlsxOf([
        ORG_HEADERS,
        ["正定县新兴材料有限公司工会", "1301230201", "130123", "企业", 120, "陈主席", ""],
        ["正定县北关社区工会", "1301230202", "130123", "街道社区", 40, "林主席", ""],
      ]),
    });
    expect((await commitNow(t.db, zhengding, orgs.id)).status).toBe("DONE");

    const job = await uploadNow(t.db, zhengding, {
      kind: "USERS",
      bytes: await xlsxOf(PEOPLE),
      fileName: "人员.xlsx",
    });
    expect(job.status).toBe("PREVIEW");
    expect([job.newCount, job.changedCount, job.unchangedCount, job.errorCount]).toEqual([3, 0, 0, 4]);
    const rows = await t.db.importRow.findMany({ where: { jobId: job.id }, orderBy: { rowNo: "asc" } });
    expect(
      rows.map((r) => [r.rowNo, r.action, (r.errors as { code: string }[] | null)?.map((e) => e.code) ?? []]),
    ).toEqual([
      [2, "NEW", []],
      [3, "NEW", []],
      [4, "NEW", []],
      [5, "ERROR", ["duplicateKey"]],
      [6, "ERROR", ["duplicateKey"]],
      [7, "ERROR", ["roleNotImportable"]],
      [8, "ERROR", ["unionOutOfScope"]],
    ]);
    expect(await t.db.user.count({ where: { username: { startsWith: "zd." } } })).toBe(0);
    jobId = job.id;
  });

  it("commits, and the new chair signs in with the password from the one-time sheet", async () => {
    expect((await commitNow(t.db, zhengding, jobId)).status).toBe("DONE");
    const b = await t.db.user.findUniqueOrThrow({
      where: { username: "zd.chair.b" },
      select: { phone: true, role: true, mustChangePassword: true, org: { select: { code: true } } },
    });
    expect(b).toEqual({
      phone: "13800000012",
      role: "CHAIR",
      mustChangePassword: true,
      org: { code: "1301230202" },
    });
    expect(await passwordSheetState(zhengding, jobId)).toMatchObject({ state: "available", accounts: 3 });

    const sheet = await takePasswordSheet(zhengding, jobId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.body as unknown as ArrayBuffer);
    const line = (wb.worksheets[0]!.getRow(3).values as string[]).slice(1);
    expect(line.slice(0, 3)).toEqual(["林主席", "zd.chair.b", "正定县北关社区工会"]);
    expect(await verifyCredentials({ username: "zd.chair.b", password: line[3] })).toMatchObject({
      username: "zd.chair.b",
    });

    // The same file again: every valid row is unchanged, and there is no second sheet.
    const again = await uploadNow(t.db, zhengding, { kind: "USERS", bytes: await xlsxOf(PEOPLE) });
    expect([again.newCount, again.changedCount, again.unchangedCount, again.errorCount]).toEqual([
      0, 0, 3, 4,
    ]);
  });
});
