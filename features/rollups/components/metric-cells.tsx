import Link from "next/link";
import { formatRate, type TMetrics } from "../lib/metrics";
import { LightCounts, type TLightHref } from "@/features/lights/components/light-counts";

export const METRIC_COLUMNS = [
  "total",
  "signed",
  "inProgress",
  "completed",
  "overdue",
  "lights",
  "completionRate",
  "onTimeRate",
  "avgProgress",
] as const;
export const COMPACT_COLUMNS = ["total", "completionRate", "overdue"] as const;
export type TMetricColumn = (typeof METRIC_COLUMNS)[number];

/** Set once on a table that holds MetricCells: the cells' padding and number alignment. */
export const METRIC_TABLE = "[&_td]:px-3 [&_td]:py-2 [&_td]:text-right [&_td]:tabular-nums";

type TLinks = { overdueHref?: string; lightHref?: TLightHref };

function cell(m: TMetrics, c: TMetricColumn, { overdueHref, lightHref }: TLinks): React.ReactNode {
  switch (c) {
    case "lights":
      return <LightCounts m={m} href={lightHref} />;
    case "inProgress":
      return m.inProgress + m.submitted;
    case "overdue":
      return overdueHref && m.overdue > 0 ? (
        <Link href={overdueHref} className="underline decoration-dotted hover:decoration-solid">
          {m.overdue}
        </Link>
      ) : (
        m.overdue
      );
    case "completionRate":
      return formatRate(m.completionRate);
    case "onTimeRate":
      return formatRate(m.onTimeRate);
    case "avgProgress":
      return m.avgProgress === null ? "—" : `${m.avgProgress.toFixed(1)}%`;
    default:
      return m[c];
  }
}

/** The figures of one row in the given column order. Overdue links to the overdue tasks when given a link. */
export function MetricCells({
  m,
  overdueHref,
  lightHref,
  columns = METRIC_COLUMNS,
}: {
  m: TMetrics;
  overdueHref?: string;
  /** The task list of one light (red/yellow/green counts link to it when given). */
  lightHref?: TLightHref;
  columns?: readonly TMetricColumn[];
}) {
  return (
    <>
      {columns.map((c) => (
        <td
          key={c}
          data-col={c}
          className={
            c === "overdue" && m.overdue > 0
              ? "font-semibold text-red-700"
              : c === "completionRate"
                ? "font-medium"
                : undefined
          }
        >
          {cell(m, c, { overdueHref, lightHref })}
        </td>
      ))}
    </>
  );
}
