import { describe, expect, it } from "vitest";
import { MAX_ID, isCleanText, likeLiteral, parseId, searchText, zId, zText } from "./input";

describe("parseId", () => {
  it("accepts canonical decimal ids from 1 to 2^31-1, as strings or numbers", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("100")).toBe(100);
    expect(parseId("2147483647")).toBe(2 ** 31 - 1);
    expect(parseId(42)).toBe(42);
    expect(parseId(2 ** 31 - 1)).toBe(MAX_ID);
  });

  it("refuses everything Number() would have turned into some other id", () => {
    for (const raw of [
      "1e2", // was task 100
      "99999999999",
      "2147483648",
      "0",
      "-1",
      "+1",
      "01",
      "1.0",
      "0x10",
      " 7",
      "7 ",
      "",
      "１２", // full-width digits
      "Infinity",
      "NaN",
    ])
      expect(parseId(raw), raw).toBeNull();
    for (const raw of [0, -1, 1.5, 2 ** 31, Number.NaN, Infinity, null, undefined, true, {}, [1]])
      expect(parseId(raw), String(raw)).toBeNull();
  });

  it("zId parses like parseId and reports validation.invalid", () => {
    expect(zId.parse("12")).toBe(12);
    expect(zId.parse(12)).toBe(12);
    const r = zId.safeParse("1e2");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("invalid");
    expect(zId.safeParse(2 ** 31).success).toBe(false);
  });
});

describe("clean text", () => {
  it("refuses NUL, other control characters and lone surrogates; keeps tabs, newlines and emoji", () => {
    expect(isCleanText("进展\n第二行\t完成 😀")).toBe(true);
    for (const bad of ["a\u0000b", "\u0007", "x\u001b[31m", "\uD800", "a\uDC00b", "😀".slice(0, 1), "\u007f"])
      expect(isCleanText(bad), JSON.stringify(bad)).toBe(false);
  });

  it("zText carries the text code and chains with trim and length checks", () => {
    const s = zText().trim().min(2, "short");
    expect(s.safeParse("a\u0000b").error?.issues[0]?.message).toBe("text");
    expect(s.safeParse(" x ").error?.issues[0]?.message).toBe("short");
    expect(s.parse("  好的 ")).toBe("好的");
  });

  it("searchText ignores unclean or empty search boxes instead of failing", () => {
    expect(searchText(" 石家庄 ", 40)).toBe("石家庄");
    expect(searchText("a\u0000", 40)).toBeUndefined();
    expect(searchText("\uD83D", 40)).toBeUndefined();
    expect(searchText("   ", 40)).toBeUndefined();
    expect(searchText(["a"], 40)).toBeUndefined();
    expect(searchText("abcdef", 3)).toBe("abc");
  });
});

describe("likeLiteral", () => {
  it("escapes the LIKE wildcards and the escape character", () => {
    expect(likeLiteral("100%_a\\b")).toBe("100\\%\\_a\\\\b");
    expect(likeLiteral("石家庄")).toBe("石家庄");
  });
});
