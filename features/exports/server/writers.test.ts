import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { TColumn, TRow, TSheet } from "../lib/sheet";
import { writeCsv } from "./write-csv";
import { csvCell } from "../lib/csv";
import { dataRowsPerSheet, partName, writeXlsx, writeXlsxBook, XLSX_MAX_ROWS } from "./write-xlsx";
import { exportStream } from "./stream-out";

const WRITERS = [
  ["xlsx", writeXlsx],
  ["csv", writeCsv],
] as const;
const columns: TColumn[] = [
  { header: "名称", kind: "text", width: 20 },
  { header: "数量", kind: "int", width: 8 },
  { header: "比例", kind: "percent", width: 8 },
  { header: "平均", kind: "decimal", width: 8 },
  { header: "日期", kind: "date", width: 12 },
];

/** An endless body that records how far it was read and whether it was closed. */
function endless() {
  const state = { produced: 0, closed: false };
  async function* rows(): AsyncGenerator<TRow[]> {
    try {
      for (;;) {
        state.produced++;
        yield Array.from({ length: 2000 }, (_, i) => [
          `第 ${state.produced}-${i} 行 ${Math.random()}`,
          i,
          0.5,
          1.5,
          null,
        ]);
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, sheet: { name: "x", titleLines: [], columns, rows: rows() } satisfies TSheet };
}

describe("writers stream with backpressure", () => {
  for (const [name, write] of WRITERS) {
    it(`${name}: stop producing while nobody reads, and stop for good when the reader goes away`, async () => {
      const { state, sheet } = endless();
      const out = exportStream();
      const done = write(sheet, out);
      await new Promise((r) => setTimeout(r, 400));
      expect(state.produced).toBeLessThan(5); // not the whole (endless) table into memory
      const reader = Readable.toWeb(out).getReader();
      await reader.read();
      await reader.cancel();
      await done;
      expect(state.closed).toBe(true);
    });
  }
});

describe("XLSX cells", () => {
  it("are typed (numbers, ratios, days) and formula-like text is neutralised", async () => {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on("data", (b: Buffer) => parts.push(b));
    const ended = new Promise((r) => out.on("end", r));
    async function* rows(): AsyncGenerator<TRow[]> {
      yield [
        ["=1+1", 3, 0.25, 12.34, new Date("2026-11-25T00:00:00Z")],
        ["@x", 0, null, null, null],
      ];
    }
    await writeXlsx(
      { name: "表", titleLines: ["标题"], columns, rows: rows(), footer: [["合计", 3, 0.25, 12.34, null]] },
      out,
    );
    await ended;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("表")!;
    expect(ws.getRow(1).getCell(1).value).toBe("标题");
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(["名称", "数量", "比例", "平均", "日期"]);
    const r = ws.getRow(4);
    expect([
      r.getCell(1).value,
      r.getCell(2).value,
      r.getCell(3).value,
      r.getCell(4).value,
      r.getCell(5).value,
    ]).toEqual(["'=1+1", 3, 0.25, 12.34, new Date("2026-11-25T00:00:00Z")]);
    expect([r.getCell(2).numFmt, r.getCell(3).numFmt, r.getCell(4).numFmt, r.getCell(5).numFmt]).toEqual([
      "0",
      "0.0%",
      "0.0",
      "yyyy-mm-dd",
    ]);
    expect(ws.getRow(5).getCell(1).value).toBe("'@x");
    expect(ws.getRow(6).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });
});

describe("XLSX workbooks", () => {
  it("hold several sheets in order; points have 2 decimals (CSV too)", async () => {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on("data", (b: Buffer) => parts.push(b));
    const ended = new Promise((r) => out.on("end", r));
    const cols: TColumn[] = [
      { header: "单位", kind: "text", width: 20 },
      { header: "得分", kind: "points", width: 10 },
    ];
    async function* rows(r: TRow[]): AsyncGenerator<TRow[]> {
      yield r;
    }
    await writeXlsxBook(
      [
        { name: "排名", titleLines: [], columns: cols, rows: rows([["甲", 95.5]]) },
        {
          name: "得分明细",
          titleLines: [],
          columns: cols,
          rows: rows([
            ["甲", -2],
            ["乙", 0.25],
          ]),
        },
      ],
      out,
    );
    await ended;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["排名", "得分明细"]);
    expect(wb.getWorksheet("排名")!.getRow(2).getCell(2).value).toBe(95.5);
    expect(wb.getWorksheet("排名")!.getRow(2).getCell(2).numFmt).toBe("0.00");
    expect(wb.getWorksheet("得分明细")!.getRow(3).getCell(2).value).toBe(0.25);
    expect(csvCell("points", 1.5)).toBe("1.50");
    expect(csvCell("points", -2)).toBe("-2.00");
  });
});

/** Rows 1…n as [text, number], in chunks of `chunk` (as the ledger's keyset pages arrive). */
async function* numbered(n: number, chunk: number): AsyncGenerator<TRow[]> {
  for (let i = 1; i <= n; i += chunk)
    yield Array.from({ length: Math.min(chunk, n - i + 1) }, (_, k) => [`行${i + k}`, i + k]);
}
const two: TColumn[] = [
  { header: "名称", kind: "text", width: 10 },
  { header: "序号", kind: "int", width: 8 },
];

/** The workbook written for `sheet` with `rowsPerSheet`, read back: each worksheet's name and rows. */
async function splitBook(sheet: TSheet, rowsPerSheet: number) {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on("data", (b: Buffer) => parts.push(b));
  const ended = new Promise((r) => out.on("end", r));
  await writeXlsx(sheet, out, { rowsPerSheet });
  await ended;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    rows: Array.from({ length: ws.rowCount }, (_, i) => (ws.getRow(i + 1).values as unknown[]).slice(1)),
    ySplit: ws.views[0] && "ySplit" in ws.views[0] ? ws.views[0].ySplit : undefined,
  }));
}
const body = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => [`行${from + k}`, from + k]);

describe("XLSX split across worksheets", () => {
  it("Excel's limit: 1,048,576 rows a sheet with the header, so 1,048,575 of the body", () => {
    expect(XLSX_MAX_ROWS).toBe(2 ** 20);
    expect(dataRowsPerSheet({ titleLines: [] })).toBe(1_048_575);
    // Two title lines and a blank row above the header.
    expect(dataRowsPerSheet({ titleLines: ["a", "b"] })).toBe(1_048_572);
    expect(() => dataRowsPerSheet({ titleLines: [] }, 1)).toThrow(RangeError);
  });

  it("continues on 台账 (2), 台账 (3) … with the header on each, rows in order", async () => {
    // 5 rows a sheet = header + 4; 11 rows arrive in chunks of 3 (a chunk crosses each boundary).
    const sheets = await splitBook({ name: "台账", titleLines: [], columns: two, rows: numbered(11, 3) }, 5);
    expect(sheets.map((s) => s.name)).toEqual(["台账", "台账 (2)", "台账 (3)"]);
    expect(sheets[0]!.rows).toEqual([["名称", "序号"], ...body(1, 4)]);
    expect(sheets[1]!.rows).toEqual([["名称", "序号"], ...body(5, 8)]);
    expect(sheets[2]!.rows).toEqual([["名称", "序号"], ...body(9, 11)]);
    expect(sheets.map((s) => s.ySplit)).toEqual([1, 1, 1]);
  });

  it("a body that exactly fills its sheets adds no empty sheet after them", async () => {
    const full = await splitBook({ name: "台账", titleLines: [], columns: two, rows: numbered(8, 2000) }, 5);
    expect(full.map((s) => [s.name, s.rows.length])).toEqual([
      ["台账", 5],
      ["台账 (2)", 5],
    ]);
    const one = await splitBook({ name: "台账", titleLines: [], columns: two, rows: numbered(4, 1) }, 5);
    expect(one.map((s) => [s.name, s.rows.length])).toEqual([["台账", 5]]);
    // One row more starts the next sheet.
    const over = await splitBook({ name: "台账", titleLines: [], columns: two, rows: numbered(5, 5) }, 5);
    expect(over.map((s) => s.rows)).toEqual([
      [["名称", "序号"], ...body(1, 4)],
      [["名称", "序号"], ...body(5, 5)],
    ]);
  });

  it("an empty body still gives one sheet with its header", async () => {
    const empty = await splitBook({ name: "台账", titleLines: [], columns: two, rows: numbered(0, 10) }, 5);
    expect(empty.map((s) => [s.name, s.rows])).toEqual([["台账", [["名称", "序号"]]]]);
  });

  it("repeats the title block on each sheet; the footer counts against the limit", async () => {
    // Title, blank, header = 3 rows, so 2 rows a sheet: 3 body rows + 合计 = 2 sheets of 2.
    const sheets = await splitBook(
      { name: "表", titleLines: ["标题"], columns: two, rows: numbered(3, 10), footer: [["合计", 6]] },
      5,
    );
    const top = [["标题"], [], ["名称", "序号"]];
    expect(sheets.map((s) => s.name)).toEqual(["表", "表 (2)"]);
    expect(sheets[0]!.rows).toEqual([...top, ...body(1, 2)]);
    expect(sheets[1]!.rows).toEqual([...top, ...body(3, 3), ["合计", 6]]);
    expect(sheets.map((s) => s.ySplit)).toEqual([3, 3]);
  });

  it("sheet names stay within Excel's 31 characters", () => {
    expect(partName("台账", 12)).toBe("台账 (12)");
    expect(partName("x".repeat(40), 1)).toHaveLength(31);
    expect(partName("x".repeat(40), 3)).toBe(`${"x".repeat(27)} (3)`);
  });
});

describe("CSV is never split", () => {
  it("writes every row: header + exactly n records", async () => {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on("data", (b: Buffer) => parts.push(b));
    const ended = new Promise((r) => out.on("end", r));
    await writeCsv({ name: "台账", titleLines: [], columns: two, rows: numbered(4_001, 2_000) }, out);
    await ended;
    const lines = Buffer.concat(parts).toString("utf8").split("\r\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(1 + 4_001);
    expect(lines[1]).toBe("行1,1");
    expect(lines.at(-1)).toBe("行4001,4001");
  });
});
