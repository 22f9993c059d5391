import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MAX_TARGET_SHEET_BYTES, readTargetSheet } from "./read-target-sheet";

const xlsx = async (rows: unknown[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("目标");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { code?: string }) => e.code ?? String(e),
  );

describe("readTargetSheet", () => {
  it("reads 工会代码 → 目标值 from the first sheet", async () => {
    const r = await readTargetSheet(
      await xlsx([
        ["工会代码", "目标值"],
        ["130123", 40],
        [130102, 2.5],
      ]),
    );
    expect(r).toEqual({
      rows: [
        { code: "130123", target: 40 },
        { code: "130102", target: 2.5 },
      ],
      issues: [],
    });
  });

  it("refuses a formula's cached result, an empty file, a non-XLSX and an oversized file before parsing", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("目标").addRow(["130123", { formula: "1+1", result: 2 }]);
    const r = await readTargetSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.issues).toEqual([{ rowNo: 1, reason: "number" }]);
    expect(await codeOf(readTargetSheet(Buffer.alloc(0)))).toBe("VALIDATION");
    expect(await codeOf(readTargetSheet(Buffer.from("工会代码,目标值\n130123,4\n")))).toBe("FILE_TYPE");
    expect(await codeOf(readTargetSheet(Buffer.alloc(MAX_TARGET_SHEET_BYTES + 1, 0x50)))).toBe(
      "FILE_TOO_LARGE",
    );
    // A ZIP that is not a workbook.
    expect(await codeOf(readTargetSheet(Buffer.from("PK\x03\x04garbage")))).toBe("FILE_TYPE");
  });

  it("refuses a sheet with more rows than a split can take", async () => {
    const many = [["工会代码", "目标值"], ...Array.from({ length: 5002 }, (_, i) => [String(100000 + i), 1])];
    expect(await codeOf(readTargetSheet(await xlsx(many)))).toBe("TOO_MANY");
  });
});
