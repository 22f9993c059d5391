import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { csvOf, ORG_HEADERS, xlsxOf, zipBombOf } from "../helpers/import-files";
import { uploadNow } from "../helpers/import-run";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Every bad file of the list gives its own code, and nothing reaches the target tables (nor
// any staged row). Full-width digits and dates are not errors: they are normalised.
let t: TTestDb;
let zhengding: TTestActor;
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  zhengding = (await loadActors(t.db)).zhengding!;
});
afterAll(() => t.close());

const GOOD = ["正定县好工会", "1301230201", "130123", "企业", 10, "", ""];

async function snapshot() {
  const [orgs, changes, rows] = await Promise.all([
    t.db.org.count(),
    t.db.changeLog.count(),
    t.db.importRow.count(),
  ]);
  return { orgs, changes, rows };
}

async function refused(bytes: Buffer, fileName = "bad.xlsx") {
  const before = await snapshot();
  const job = await uploadNow(t.db, zhengding, { kind: "ORGS", bytes, fileName });
  expect(job.status).toBe("FAILED");
  expect(await t.db.importRow.count({ where: { jobId: job.id } })).toBe(0);
  expect(await snapshot()).toEqual(before);
  return { code: job.errorCode, params: job.errorParams };
}

/** Rewrites the first sheet's XML of an XLSX. */
async function patchSheet(xlsx: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", edit(xml));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("bad import files", () => {
  it("a wrong template names the missing columns", async () => {
    expect(
      await refused(
        await xlsxOf([
          ["工会名称", "代码", "上级"],
          ["甲", "1", "2"],
        ]),
      ),
    ).toEqual({
      code: "WRONG_TEMPLATE",
      params: { missing: "工会代码、上级工会、类型、会员人数、工会主席、联系方式" },
    });
  });

  it("an empty file, a header without rows and zero bytes are EMPTY_FILE", async () => {
    expect((await refused(await xlsxOf([]))).code).toBe("EMPTY_FILE");
    expect((await refused(await xlsxOf([ORG_HEADERS]))).code).toBe("EMPTY_FILE");
    expect((await refused(Buffer.alloc(0), "empty.csv")).code).toBe("EMPTY_FILE");
  });

  it("a sheet whose dimension claims 1,048,577 data rows is refused before its rows are read", async () => {
    const xlsx = await patchSheet(await xlsxOf([ORG_HEADERS, GOOD]), (xml) =>
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:G1048578"/>'),
    );
    expect(await refused(xlsx)).toEqual({ code: "TOO_MANY_ROWS", params: { max: 1_048_576 } });
  });

  it("a CSV of 1,048,577 data rows is TOO_MANY_ROWS", async () => {
    const line = "工会,1301239999,130123,企业,1,,\n";
    const csv = Buffer.from(`${ORG_HEADERS.join(",")}\n${line.repeat(1_048_577)}`, "utf8");
    expect((await refused(csv, "big.csv")).code).toBe("TOO_MANY_ROWS");
  });

  it("merged cells name the range", async () => {
    const xlsx = await xlsxOf([ORG_HEADERS, GOOD, ["合并", "", "130123", "企业", 1, "", ""]], (ws) =>
      ws.mergeCells("A3:B3"),
    );
    expect(await refused(xlsx)).toEqual({ code: "MERGED_CELLS", params: { range: "A3:B3" } });
  });

  it("a formula names its cell (formulas are refused, not read from their cached result)", async () => {
    const xlsx = await xlsxOf([ORG_HEADERS, [...GOOD.slice(0, 4), { formula: "5+5", result: 10 }, "", ""]]);
    expect(await refused(xlsx)).toEqual({ code: "FORMULA", params: { cell: "E2" } });
  });

  it("a zip bomb disguised as XLSX is ZIP_BOMB", async () => {
    const bomb = await zipBombOf(await xlsxOf([ORG_HEADERS, GOOD]));
    expect(bomb.length).toBeLessThan(200_000);
    expect((await refused(bomb)).code).toBe("ZIP_BOMB");
  });

  it("a damaged archive is BAD_FILE and a picture is refused at upload", async () => {
    const xlsx = await xlsxOf([ORG_HEADERS, GOOD]);
    expect((await refused(xlsx.subarray(0, xlsx.length - 40))).code).toBe("BAD_FILE");
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    expect(await codeOf(uploadNow(t.db, zhengding, { kind: "ORGS", bytes: png }))).toBe("FILE_TYPE");
  });

  it("duplicate codes in the file are error rows, each naming the other", async () => {
    const job = await uploadNow(t.db, zhengding, {
      kind: "ORGS",
      bytes: await xlsxOf([ORG_HEADERS, GOOD, ["另一个", "1301230201", "130123", "企业", 3, "", ""]]),
    });
    const rows = await t.db.importRow.findMany({ where: { jobId: job.id }, orderBy: { rowNo: "asc" } });
    expect(rows.map((r) => [r.action, r.errors])).toEqual([
      ["ERROR", [{ code: "duplicateKey", params: { rows: "3" } }]],
      ["ERROR", [{ code: "duplicateKey", params: { rows: "2" } }]],
    ]);
  });

  it("full-width digits, dates as text and date cells are read as text", async () => {
    const date = new Date(Date.UTC(2024, 2, 1));
    const job = await uploadNow(t.db, zhengding, {
      kind: "ORGS",
      bytes: await xlsxOf([
        ORG_HEADERS,
        ["全角", "１３０１２３０２１１", "１３０１２３", "企业", "３５", "", "2024-03-01"],
        ["日期", "1301230212", "130123", "企业", "", "", date],
        ["日期人数", "1301230213", "130123", "企业", date, "", ""],
      ]),
    });
    const rows = await t.db.importRow.findMany({ where: { jobId: job.id }, orderBy: { rowNo: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["NEW", "NEW", "ERROR"]);
    expect(rows[0]!.data).toMatchObject({
      code: "1301230211",
      parent: "130123",
      memberCount: 35,
      contact: "2024-03-01",
    });
    expect(rows[1]!.data).toMatchObject({ contact: "2024-03-01" });
    expect(rows[2]!.errors).toEqual([{ column: "memberCount", code: "memberCount" }]);
  });

  it("a UTF-8 CSV with a BOM imports like the XLSX", async () => {
    const csv = csvOf([
      ORG_HEADERS,
      ["正定县CSV工会", "1301230301", "正定县总工会", "联合工会", "7", "赵六", ""],
    ]);
    const job = await uploadNow(t.db, zhengding, { kind: "ORGS", bytes: csv, fileName: "u.csv" });
    expect([job.status, job.fileFormat, job.newCount, job.errorCount]).toEqual(["PREVIEW", "CSV", 1, 0]);
  });
});
