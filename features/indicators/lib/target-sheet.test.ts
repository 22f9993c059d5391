import { describe, expect, it } from "vitest";
import { readTargetRows } from "./target-sheet";

const rows = (...r: string[][]) => r.map((cells, i) => ({ rowNo: i + 1, cells }));

describe("readTargetRows", () => {
  it("finds the columns by their headers, in any order", () => {
    expect(
      readTargetRows(
        rows(["名称", "目标值", "工会代码"], ["正定", "12", "130123"], ["长安", "3.5", "130102"]),
      ),
    ).toEqual({
      rows: [
        { code: "130123", target: 12 },
        { code: "130102", target: 3.5 },
      ],
      issues: [],
    });
  });

  it("reads A = code, B = target without a header, skipping empty rows", () => {
    expect(readTargetRows(rows(["130123", "1,200"], ["", ""], ["130102", "0"])).rows).toEqual([
      { code: "130123", target: 1200 },
      { code: "130102", target: 0 },
    ]);
  });

  it("reports bad codes, bad numbers and repeated codes by row, and does not use them", () => {
    const r = readTargetRows(
      rows(
        ["工会代码", "目标值"],
        ["13 01", "5"],
        ["130123", "-4"],
        ["130123", "7"],
        ["130123", "8"],
        ["130102", "="],
      ),
    );
    expect(r.rows).toEqual([{ code: "130123", target: 7 }]);
    expect(r.issues).toEqual([
      { rowNo: 2, reason: "code" },
      { rowNo: 3, reason: "number" },
      { rowNo: 5, reason: "duplicate" },
      { rowNo: 6, reason: "number" },
    ]);
  });
});
