import { describe, expect, it } from "vitest";
import { csvCell, csvField, csvLine } from "./csv";

describe("CSV (RFC 4180)", () => {
  it("quotes fields with quotes, commas and line breaks, doubling quotes", () => {
    expect(csvField("plain 文字")).toBe("plain 文字");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("cr\r")).toBe('"cr\r"');
    expect(csvField("")).toBe("");
  });

  it("writes a record of typed cells by column kind, ending with CRLF", () => {
    expect(csvLine(["a", "b,c", null], ["text", "text", "int"])).toBe('a,"b,c",\r\n');
    const day = new Date("2026-11-25T00:00:00Z");
    expect(csvLine([0.5, 3, day, "x"], ["percent", "int", "date"])).toBe("50.0%,3,2026-11-25,x\r\n");
  });

  it("formats typed cells and neutralises formula-like text", () => {
    expect(csvCell("text", "=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell("text", "-")).toBe("'-");
    expect(csvCell("int", -3)).toBe("-3");
    expect(csvCell("percent", 0.4554)).toBe("45.5%");
    expect(csvCell("percent", 1)).toBe("100.0%");
    expect(csvCell("decimal", 33.333)).toBe("33.3");
    expect(csvCell("date", new Date("2026-11-25T00:00:00Z"))).toBe("2026-11-25");
    expect(csvCell("percent", null)).toBe("");
  });

  it("keeps a neutralised formula inside quotes intact", () => {
    expect(csvLine(['=HYPERLINK("x")'], ["text"])).toBe('"\'=HYPERLINK(""x"")"\r\n');
  });
});
