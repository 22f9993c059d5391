import JSZip from "jszip";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { assertSafeZip, looksLikeZip, ZipRejected, type TZipLimits } from "./zip-guard";

const SMALL: TZipLimits = {
  maxEntries: 10,
  maxEntryBytes: 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024,
  maxRatio: 1000,
};

async function zip(files: Record<string, string | Uint8Array>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, body] of Object.entries(files)) z.file(name, body);
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function problem(buf: Uint8Array, limits?: TZipLimits): string {
  try {
    assertSafeZip(buf, limits);
    return "OK";
  } catch (e) {
    if (e instanceof ZipRejected) return e.problem;
    throw e;
  }
}

/** The central directory entry of the first file, for tampering. */
function centralEntry(buf: Buffer): number {
  const at = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  expect(at).toBeGreaterThan(0);
  return at;
}

describe("assertSafeZip", () => {
  it("accepts a real XLSX and lists its parts", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("基层工会").addRow(["名称", "代码"]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(looksLikeZip(buf)).toBe(true);
    expect(assertSafeZip(buf)).toContain("xl/worksheets/sheet1.xml");
  });

  it("refuses what is not a ZIP, and a truncated one", async () => {
    expect(problem(Buffer.from("名称,代码\n甲,1\n"))).toBe("NOT_ZIP");
    const buf = await zip({ "a.txt": "hello ".repeat(100) });
    expect(problem(buf.subarray(0, buf.length - 30))).toBe("CORRUPT");
  });

  it("refuses an entry that inflates past the limit (a zip bomb)", async () => {
    // 3 MiB of zeros compress to a few KB: over the 1 MiB entry limit.
    const bomb = await zip({ "xl/worksheets/sheet1.xml": new Uint8Array(3 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(20_000);
    expect(problem(bomb, SMALL)).toBe("TOO_LARGE");
  });

  it("refuses an archive whose directory understates an entry's size", async () => {
    const buf = await zip({ "a.xml": new Uint8Array(200_000) });
    const at = centralEntry(buf);
    buf.writeUInt32LE(100, at + 24); // claims 100 bytes; inflating gives 200,000
    expect(problem(buf)).toBe("TOO_LARGE");
  });

  it("refuses too many entries and too much in total", async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 11; i++) many[`f${i}.txt`] = "x";
    expect(problem(await zip(many), SMALL)).toBe("TOO_MANY_ENTRIES");
    const big = new Uint8Array(900 * 1024).map((_, i) => (i * 7919) % 251);
    expect(problem(await zip({ a: big, b: big, c: big }), SMALL)).toBe("TOO_LARGE");
  });

  it("refuses encrypted entries", async () => {
    const buf = await zip({ "a.txt": "secret" });
    const at = centralEntry(buf);
    buf.writeUInt16LE(buf.readUInt16LE(at + 8) | 1, at + 8);
    expect(problem(buf)).toBe("ENCRYPTED");
  });
});
