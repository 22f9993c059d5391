import { describe, expect, it } from "vitest";
import { chooseDefaultPlan, parsePlanPrefix } from "./plan-choice";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const today = day("2026-06-15");
const report = {
  codePrefix: "3",
  periodStart: day("2018-10-22"),
  periodEnd: day("2023-10-08"),
  issuerDepth: 0,
};
const national = {
  codePrefix: "QZ2026",
  periodStart: day("2026-01-01"),
  periodEnd: day("2026-12-31"),
  issuerDepth: 0,
};
const province = {
  codePrefix: "HB2026",
  periodStart: day("2026-01-01"),
  periodEnd: day("2026-12-31"),
  issuerDepth: 1,
};
const provinceOld = {
  codePrefix: "HB2025",
  periodStart: day("2025-01-01"),
  periodEnd: day("2025-12-31"),
  issuerDepth: 1,
};
const provinceLong = {
  codePrefix: "HB5",
  periodStart: day("2023-01-01"),
  periodEnd: day("2027-12-31"),
  issuerDepth: 1,
};

describe("chooseDefaultPlan", () => {
  it("prefers the issuer closest to the user's org among the plans covering today", () => {
    // A county (depth 3): the province (distance 2) before the national federation (distance 3).
    expect(chooseDefaultPlan([report, national, province], 3, today)?.codePrefix).toBe("HB2026");
    // The national federation's user (depth 0): its own plan.
    expect(chooseDefaultPlan([report, national, province], 0, today)?.codePrefix).toBe("QZ2026");
  });
  it("takes the most recent on a tie", () => {
    expect(chooseDefaultPlan([provinceLong, province], 2, today)?.codePrefix).toBe("HB2026");
    expect(chooseDefaultPlan([province, provinceLong], 2, today)?.codePrefix).toBe("HB2026");
  });
  it("ignores plans whose period does not cover today (bounds included)", () => {
    expect(chooseDefaultPlan([report, provinceOld], 3, today)?.codePrefix).toBe("3");
    expect(chooseDefaultPlan([report, province], 3, day("2026-12-31"))?.codePrefix).toBe("HB2026");
    expect(chooseDefaultPlan([report, province], 3, day("2027-01-01"))?.codePrefix).toBe("3");
  });
  it("falls back to the most recent visible plan without the 17th report, and to nothing without plans", () => {
    expect(chooseDefaultPlan([provinceOld, province], 3, day("2030-01-01"))?.codePrefix).toBe("HB2026");
    expect(chooseDefaultPlan([], 3, today)).toBeUndefined();
  });
});

describe("parsePlanPrefix", () => {
  it("accepts code prefixes only", () => {
    expect(parsePlanPrefix("HB2027")).toBe("HB2027");
    expect(parsePlanPrefix("3")).toBe("3");
    expect(parsePlanPrefix("hb2027")).toBeUndefined();
    expect(parsePlanPrefix("3.1")).toBeUndefined();
    expect(parsePlanPrefix(["3"])).toBeUndefined();
    expect(parsePlanPrefix(undefined)).toBeUndefined();
  });
});
