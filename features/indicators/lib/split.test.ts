import { describe, expect, it } from "vitest";
import { splitTotal, sumParts } from "./split";

// Expected parts worked out by hand (largest remainder), not with the code under test.
describe("splitTotal", () => {
  it("splits equally, giving the leftover units to the earliest orgs on ties", () => {
    // 10 / 3 = 3 r 1: the first org gets the extra unit.
    expect(splitTotal(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitTotal(75, [1, 1, 1, 1])).toEqual([19, 19, 19, 18]);
  });

  it("splits by weight with the largest remainders rounded up", () => {
    // 100 × 5/16 = 31.25, × 3/16 = 18.75, × 8/16 = 50 → floors 31, 18, 50 (99); 18.75 has the largest remainder.
    expect(splitTotal(100, [5, 3, 8])).toEqual([31, 19, 50]);
    // 7 × 1200/3000 = 2.8, × 1000/3000 = 2.333…, × 800/3000 = 1.866… → 2, 2, 1 (5); remainders .8, .333, .866 → +1 to 3rd, then 1st.
    expect(splitTotal(7, [1200, 1000, 800])).toEqual([3, 2, 2]);
  });

  it("keeps hundredths when the total is not whole, adding up exactly", () => {
    // 200.5 = 20050 hundredths / 3 = 6683 r 1 → 66.84, 66.83, 66.83.
    const parts = splitTotal(200.5, [1, 1, 1]);
    expect(parts).toEqual([66.84, 66.83, 66.83]);
    expect(sumParts(parts)).toBe(200.5);
  });

  it("gives nothing to a zero weight, and splits equally when every weight is zero", () => {
    expect(splitTotal(9, [0, 2, 1])).toEqual([0, 6, 3]);
    expect(splitTotal(5, [0, 0])).toEqual([3, 2]);
  });

  it("adds up exactly for many orgs and awkward weights", () => {
    const weights = Array.from({ length: 97 }, (_, i) => (i * 37) % 101);
    const parts = splitTotal(123_457, weights);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(123_457);
    expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
    // Proportional within one unit of the exact share.
    const sum = weights.reduce((a, b) => a + b, 0);
    parts.forEach((p, i) => expect(Math.abs(p - (123_457 * weights[i]!) / sum)).toBeLessThan(1));
  });

  it("handles no orgs and a zero total, and refuses a negative total", () => {
    expect(splitTotal(10, [])).toEqual([]);
    expect(splitTotal(0, [1, 2])).toEqual([0, 0]);
    expect(() => splitTotal(-1, [1])).toThrow(RangeError);
  });
});
