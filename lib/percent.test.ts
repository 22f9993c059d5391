import { describe, expect, it } from "vitest";
import { formatPercent } from "./percent";

describe("formatPercent", () => {
  it("shows whole percents as they are and derived ones to one decimal", () => {
    expect(formatPercent(60)).toBe("60");
    expect(formatPercent(100 / 22)).toBe("4.5");
    expect(formatPercent(4.545455)).toBe("4.5");
    expect(formatPercent(99.96)).toBe("100");
    expect(formatPercent(0)).toBe("0");
  });
});
