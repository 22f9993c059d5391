import { describe, expect, it } from "vitest";
import { percentOfTarget } from "./percent";

describe("percentOfTarget", () => {
  it("rounds to one decimal, like the notices (新建工会 75 家 of 146 = 51.4%)", () => {
    expect(percentOfTarget(75, 146)).toBe(51.4);
    expect(percentOfTarget(3, 2)).toBe(150);
    expect(percentOfTarget(0, 10)).toBe(0);
  });
  it("is null without a target above zero or without an actual", () => {
    expect(percentOfTarget(5, 0)).toBeNull();
    expect(percentOfTarget(null, 10)).toBeNull();
    expect(percentOfTarget(5, null)).toBeNull();
  });
});
