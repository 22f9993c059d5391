import { describe, expect, it } from "vitest";
import { resultSubject } from "./subject";

describe("resultSubject", () => {
  it("drops the year and the words the title template adds", () => {
    expect(resultSubject("2026年度市级工会工作考评方案", 2026)).toBe("市级工会工作");
    expect(resultSubject("2026年市级工会考核办法", 2026)).toBe("市级工会");
    expect(resultSubject("e2e 城市考评", 2026)).toBe("e2e 城市");
    expect(resultSubject("市级工会工作", 2026)).toBe("市级工会工作");
    expect(resultSubject("城市工会目标管理考评实施细则", 2026)).toBe("城市工会目标管理");
  });
  it("keeps another year, and a title that would be left empty", () => {
    expect(resultSubject("2025年度城市考评", 2026)).toBe("2025年度城市");
    expect(resultSubject("考评方案", 2026)).toBe("考评方案");
    expect(resultSubject("City unions", 2026)).toBe("City unions");
  });
});
