import Link from "next/link";
import { formatRate, type TMetrics } from "../lib/metrics";

export const METRIC_COLUMNS = ["total", "signed", "inProgress", "completed", "overdue", "completionRate", "onTimeRate", "avgProgress"] as const;

/** The figures of one row, in METRIC_COLUMNS order. Overdue links to the overdue tasks when given a link. */
export function MetricCells({ m, overdueHref }: { m: TMetrics; overdueHref?: string }) {
  const num = "px-3 py-2 text-right tabular-nums";
  return (
    <>
      <td className={num}>{m.total}</td>
      <td className={num}>{m.signed}</td>
      <td className={num}>{m.inProgress + m.submitted}</td>
      <td className={num}>{m.completed}</td>
      <td className={`${num} ${m.overdue > 0 ? "font-semibold text-red-700" : ""}`}>
        {overdueHref && m.overdue > 0 ? <Link href={overdueHref} className="underline decoration-dotted hover:decoration-solid">{m.overdue}</Link> : m.overdue}
      </td>
      <td className={`${num} font-medium`}>{formatRate(m.completionRate)}</td>
      <td className={num}>{formatRate(m.onTimeRate)}</td>
      <td className={num}>{m.avgProgress === null ? "—" : `${m.avgProgress.toFixed(1)}%`}</td>
    </>
  );
}
