import { describe, expect, it } from "vitest";
import { csvRecords, decodeCsv } from "./csv-read";

describe("CSV reading", () => {
  it("decodes UTF-8 with and without BOM and falls back to GB18030", () => {
    expect(decodeCsv(Buffer.from("\ufeff工会,1", "utf8"))).toBe("工会,1");
    expect(decodeCsv(Buffer.from("工会,1", "utf8"))).toBe("工会,1");
    // 中文 in GBK: D6 D0 CE C4
    expect(decodeCsv(Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x31]))).toBe("中文,1");
  });
  it("splits quoted fields, doubled quotes, CRLF and line breaks inside quotes", () => {
    const rows = [...csvRecords('a,"b,c","say ""hi"""\r\n"x\ny",,z\n')];
    expect(rows).toEqual([
      ["a", "b,c", 'say "hi"'],
      ["x\ny", "", "z"],
    ]);
  });
});
