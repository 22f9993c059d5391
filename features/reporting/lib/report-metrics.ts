// 报送情况 figures of one region and period. Pure, shared by the view and the export.
export type TReportCounts = { due: number; onTime: number; late: number; missing: number };

export type TReportMetrics = TReportCounts & {
  /** 未报: due but neither reported nor (yet) missing; 0 once the period is closed. */
  notYet: number;
  /** 按时率 = onTime / due; 报送率 = (onTime + late) / due; 漏报率 = missing / due. */
  onTimeRate: number | null;
  reportedRate: number | null;
  missingRate: number | null;
};

export const emptyReportCounts = (): TReportCounts => ({ due: 0, onTime: 0, late: 0, missing: 0 });

export function addReportCounts(into: TReportCounts, x: TReportCounts): TReportCounts {
  into.due += x.due;
  into.onTime += x.onTime;
  into.late += x.late;
  into.missing += x.missing;
  return into;
}

export function sumReportCounts(rows: readonly TReportCounts[]): TReportCounts {
  return rows.reduce((acc, r) => addReportCounts(acc, r), emptyReportCounts());
}

/** Before a period closes nothing is missing yet: what is neither on time nor late is 未报. */
export function toReportMetrics(c: TReportCounts): TReportMetrics {
  const notYet = Math.max(0, c.due - c.onTime - c.late - c.missing);
  const rate = (n: number) => (c.due ? n / c.due : null);
  return {
    ...c,
    notYet,
    onTimeRate: rate(c.onTime),
    reportedRate: rate(c.onTime + c.late),
    missingRate: rate(c.missing),
  };
}
