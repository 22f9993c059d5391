import { describe, expect, it } from "vitest";
import { fromMicros, meanMicros, toMicros } from "./micros";

describe("indicator values in millionths", () => {
  it("reads and writes numeric(20,6) text exactly", () => {
    expect(toMicros("400")).toBe(400_000_000n);
    expect(toMicros("0.000001")).toBe(1n);
    expect(toMicros("999999999999.123456")).toBe(999_999_999_999_123_456n);
    expect(fromMicros(1n)).toBe("0.000001");
    expect(fromMicros(350_500_000n)).toBe("350.500000");
    expect(fromMicros(null)).toBeNull();
  });
  it("takes the mean rounded half up at the 6th place", () => {
    // (1 + 2 + 2) / 3 = 1.666666|67 → 1.666667
    expect(fromMicros(meanMicros([1_000_000n, 2_000_000n, 2_000_000n]))).toBe("1.666667");
    // 0.000001 / 2 = 0.0000005 → 0.000001 (half away from zero)
    expect(meanMicros([1n, 0n])).toBe(1n);
    // 0.000001 / 3 → 0.000000
    expect(meanMicros([1n, 0n, 0n])).toBe(0n);
  });
});
