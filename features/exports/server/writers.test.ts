import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { TColumn, TRow, TSheet } from "../lib/sheet";
import { writeCsv } from "./write-csv";
import { csvCell } from "../lib/csv";
import { writeXlsx, writeXlsxBook } from "./write-xlsx";
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
