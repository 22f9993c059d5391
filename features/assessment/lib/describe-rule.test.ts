import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import type { TRule } from "../schemas";
import { describeLine, describeRule, type TTranslateAll } from "./describe-rule";
import { gradeCounts } from "./grade-counts";
import type { TLine } from "./score";

const tr = (locale: "zh-CN" | "en") =>
  createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as TTranslateAll;
const zh = tr("zh-CN");
const en = tr("en");

const rules: TRule[] = [
  { id: "late", kind: "LATE_REPORT", points: 0.5, max: 3 },
  { id: "ind", kind: "INDICATOR", indicatorId: 7, points: 10, capRatio: 1.2 },
  { id: "on-time", kind: "ON_TIME", points: 1 },
];
const scheme = { rules, indicatorNames: { 7: "新建工会数" } };

describe("rules and lines in words", () => {
  it("describes a deduction with its cap, an indicator by name, a point rule without a cap", () => {
    expect(describeRule(rules[0]!, zh, {})).toBe("每次扣 0.5 分、最多扣 3 分");
    expect(describeRule(rules[0]!, en, {})).toBe("0.5 points off each, at most 3 points off");
    expect(describeRule(rules[1]!, zh, scheme.indicatorNames)).toBe(
      "「新建工会数」完成目标得 10 分，按完成比例计分，最高按 120% 计",
    );
    expect(describeRule(rules[1]!, zh, {})).toContain("指标 #7");
    expect(describeRule(rules[2]!, en, {})).toBe("1 point each");
  });

  it("names a line's kind; a rule's line by its rule, an item's by its reason, a removed rule by nothing", () => {
    const line = (key: string, kind: string, note?: string) =>
      ({ key, kind, count: 1, points: 1, note }) as TLine;
    expect(describeLine(line("late", "LATE_REPORT"), scheme, zh)).toEqual({
      kind: "迟报",
      basis: "每次扣 0.5 分、最多扣 3 分",
    });
    expect(describeLine(line("item:4", "BONUS", "省级表彰"), scheme, zh)).toEqual({
      kind: "加分项",
      basis: "省级表彰",
    });
    expect(describeLine(line("gone", "NUDGED"), scheme, en)).toEqual({ kind: "Nudges received", basis: "" });
  });

  it("counts units per grade, every grade present", () => {
    expect(gradeCounts([{ grade: "GOOD" }, { grade: "GOOD" }, { grade: "FAIL" }])).toEqual({
      EXCELLENT: 0,
      GOOD: 2,
      PASS: 0,
      FAIL: 1,
    });
  });
});
