import { formatDay } from "@/lib/dates";

/** A translator over the whole catalogue (keys like "reportStatus.cols.due"). */
type TT = (key: string, values?: Record<string, string | number>) => string;

type TRuleLike = {
  frequency: string;
  dueDay: number;
  planTitle: string | null;
  objectiveCode: string | null;
  objectiveTitle: string | null;
  batchId: number | null;
};

/** 「第十七次报告 · 每月 25 日前报送」 */
export function ruleLabel(t: TT, r: TRuleLike): string {
  const what = r.planTitle
    ? t("reportStatus.ruleLabel.plan", { title: r.planTitle })
    : r.objectiveCode
      ? t("reportStatus.ruleLabel.objective", { code: r.objectiveCode, title: r.objectiveTitle ?? "" })
      : t("reportStatus.ruleLabel.batch", { id: r.batchId ?? 0 });
  const day = r.frequency === "WEEKLY" ? t(`reportStatus.weekdays.${r.dueDay}`) : r.dueDay;
  return `${what} · ${t(`reportStatus.frequency.${r.frequency}`, { day })}`;
}

/** 「2026-11-01 至 2026-11-30（2026-11-25 截止）」 */
export function periodLabel(t: TT, p: { startDate: Date; endDate: Date; dueDate: Date }): string {
  return t("reportStatus.periodLabel", {
    start: formatDay(p.startDate),
    end: formatDay(p.endDate),
    due: formatDay(p.dueDate),
  });
}

/** The figures columns, in the order of the view's cells and the export's. */
export const REPORT_COLUMNS = [
  "due",
  "onTime",
  "late",
  "missing",
  "notYet",
  "onTimeRate",
  "reportedRate",
  "missingRate",
] as const;
export type TReportColumn = (typeof REPORT_COLUMNS)[number];
export const isRateColumn = (c: TReportColumn) => c.endsWith("Rate");
