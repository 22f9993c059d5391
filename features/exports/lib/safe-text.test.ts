import { describe, expect, it } from "vitest";
import { neutraliseFormula } from "./safe-text";

describe("neutraliseFormula", () => {
  it("prefixes text that a spreadsheet would evaluate", () => {
    for (const s of ["=1+1", "+86 138", "-2", "@SUM(A1)", '=HYPERLINK("http://x")', "\t=1", "\r=1"]) {
      expect(neutraliseFormula(s)).toBe(`'${s}`);
    }
  });

  it("leaves ordinary text, including Chinese and inner operators, alone", () => {
    for (const s of ["河北省总工会", "3.2.1.4", "a=b", "100%", "", " =1", "'quoted"]) {
      expect(neutraliseFormula(s)).toBe(s);
    }
  });
});
