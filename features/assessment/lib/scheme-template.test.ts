import { describe, expect, it } from "vitest";
import { ZSchemeRules } from "../schemas";
import { newRule, newRuleId, SCHEME_TEMPLATE } from "./scheme-template";

describe("the scheme template", () => {
  it("is a valid scheme of at most 100 points", () => {
    const parsed = ZSchemeRules.parse(SCHEME_TEMPLATE);
    const caps = parsed.rules.flatMap((r) =>
      r.kind === "COMPLETED" || r.kind === "ON_TIME" ? [r.max ?? Infinity] : [],
    );
    expect(parsed.base + caps.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("gives new rules ids that stay valid and unique", () => {
    expect(newRuleId("LATE_REPORT", [])).toBe("late-report");
    expect(newRuleId("OVERDUE", ["overdue", "overdue-2"])).toBe("overdue-3");
    const taken = SCHEME_TEMPLATE.rules.map((r) => r.id);
    const rules = [...SCHEME_TEMPLATE.rules, newRule("OVERDUE", taken), newRule("INDICATOR", taken, 7)];
    expect(ZSchemeRules.safeParse({ ...SCHEME_TEMPLATE, rules }).success).toBe(true);
  });
});
