import { describe, expect, it } from "vitest";
import { OBJECTIVE_CODE_RE, PLAN_CODE_PREFIX_RE, mainTaskCodeOf, planPrefixOf } from "./objective-code";

describe("objective codes", () => {
  it("accepts the 17th report's codes and an imported plan's", () => {
    for (const c of ["3", "3.1", "3.6.2.4", "HB2027", "HB2027.12.3.10"])
      expect(OBJECTIVE_CODE_RE.test(c)).toBe(true);
  });
  it("refuses deeper codes, lower case, empty levels and injection", () => {
    for (const c of ["", "3.1.2.3.4", "hb2027.1", "3..1", "3.", ".3", "3.1'--", "ABCDEFGHIJKLM.1"])
      expect(OBJECTIVE_CODE_RE.test(c)).toBe(false);
    expect(PLAN_CODE_PREFIX_RE.test("3.1")).toBe(false);
  });
  it("finds the plan prefix and the main task", () => {
    expect(planPrefixOf("3.6.2.4")).toBe("3");
    expect(planPrefixOf("HB2027")).toBe("HB2027");
    expect(mainTaskCodeOf("HB2027.2.1")).toBe("HB2027.2");
    expect(mainTaskCodeOf("3")).toBeNull();
  });
});
