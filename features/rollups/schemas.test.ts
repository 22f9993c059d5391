import { describe, expect, it } from "vitest";
import { DOC_NO_MAX, ZDocNo } from "./schemas";

describe("发文字号 (ZDocNo)", () => {
  it("is trimmed; empty means none", () => {
    expect(ZDocNo.parse("  冀工督〔2026〕3号 ")).toBe("冀工督〔2026〕3号");
    expect(ZDocNo.parse("   ")).toBeUndefined();
    expect(ZDocNo.parse("")).toBeUndefined();
  });
  it("refuses more than the maximum length and line breaks or other control characters", () => {
    expect(ZDocNo.safeParse("字".repeat(DOC_NO_MAX)).success).toBe(true);
    expect(ZDocNo.safeParse("字".repeat(DOC_NO_MAX + 1)).success).toBe(false);
    expect(ZDocNo.safeParse("冀工督\n〔2026〕3号").success).toBe(false);
    expect(ZDocNo.safeParse("a\u0000b").success).toBe(false);
    expect(ZDocNo.safeParse("冀工督\uD800").success).toBe(false);
  });
  it("keeps markup as plain text (escaped when rendered)", () => {
    expect(ZDocNo.parse("<script>x</script>")).toBe("<script>x</script>");
  });
});
