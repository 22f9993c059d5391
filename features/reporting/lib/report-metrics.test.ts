import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/lib/i18n/messages";
import { parseDay } from "@/lib/dates";
import { periodLabel, ruleLabel } from "./report-labels";
import { sumReportCounts, toReportMetrics } from "./report-metrics";

const tr = createTranslator({
  locale: "zh-CN",
  messages: MESSAGES["zh-CN"] as never,
  timeZone: "Asia/Shanghai",
});
const t = (key: string, values?: Record<string, string | number>) => tr(key as never, values as never);

describe("报送情况 figures", () => {
  it("未报 is what is neither on time, late nor missing; rates over 应报", () => {
    const m = toReportMetrics({ due: 8, onTime: 4, late: 2, missing: 0 });
    expect([m.notYet, m.onTimeRate, m.reportedRate, m.missingRate]).toEqual([2, 0.5, 0.75, 0]);
    expect(toReportMetrics({ due: 0, onTime: 0, late: 0, missing: 0 }).onTimeRate).toBeNull();
  });

  it("sums rows", () => {
    const rows = [
      { due: 3, onTime: 1, late: 1, missing: 1 },
      { due: 2, onTime: 2, late: 0, missing: 0 },
    ];
    expect(sumReportCounts(rows)).toEqual({ due: 5, onTime: 3, late: 1, missing: 1 });
  });
});

describe("labels", () => {
  const rule = { planTitle: null, objectiveCode: "3.6.1.1", objectiveTitle: "党建", batchId: null };
  it("names the rule by what it covers and when reports are due", () => {
    expect(ruleLabel(t, { ...rule, frequency: "MONTHLY", dueDay: 25 })).toBe(
      "3.6.1.1 党建 · 每月 25 日前报送",
    );
    expect(ruleLabel(t, { ...rule, frequency: "WEEKLY", dueDay: 5 })).toBe("3.6.1.1 党建 · 每周五报送");
  });
  it("names the period with its due day", () => {
    const p = {
      startDate: parseDay("2026-11-01"),
      endDate: parseDay("2026-11-30"),
      dueDate: parseDay("2026-11-25"),
    };
    expect(periodLabel(t, p)).toBe("2026-11-01 至 2026-11-30（2026-11-25 截止）");
  });
});
