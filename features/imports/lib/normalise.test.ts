import { describe, expect, it } from "vitest";
import { dateText, normaliseText, numberText } from "./normalise";

describe("cell normalisation", () => {
  it("turns full-width digits, letters and punctuation into ASCII and trims", () => {
    expect(normaliseText("\u3000１３０１０２ＡＢ，ｘ ")).toBe("130102AB,x");
    expect(normaliseText("长安区①工会")).toBe("长安区①工会");
  });
  it("prints numbers without exponent and dates as YYYY-MM-DD", () => {
    expect(numberText(1301020001)).toBe("1301020001");
    expect(numberText(12.5)).toBe("12.5");
    expect(dateText(new Date(Date.UTC(2024, 2, 1)))).toBe("2024-03-01");
  });
});
