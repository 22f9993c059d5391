import { describe, expect, it } from "vitest";
import { decimalText, indicatorValuesJson } from "./indicator-values";

describe("indicator values as decimal text", () => {
  it("never uses exponent notation and keeps at most 6 places", () => {
    expect(decimalText(1e12)).toBe("1000000000000");
    expect(decimalText(0.000001)).toBe("0.000001");
    expect(decimalText(1e-7)).toBe("0");
    expect(decimalText(100.5)).toBe("100.5");
    expect(decimalText(90)).toBe("90");
    expect(decimalText(" 12.340 ")).toBe("12.340");
  });
  it("keeps reported values for the history", () => {
    expect(indicatorValuesJson(undefined)).toBeNull();
    expect(indicatorValuesJson([])).toBeNull();
    expect(JSON.parse(indicatorValuesJson([{ indicatorId: 3, value: 70.000002 }])!)).toEqual([
      { indicatorId: 3, value: "70.000002" },
    ]);
  });
});
