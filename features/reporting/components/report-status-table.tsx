import Link from "next/link";
import { useTranslations } from "next-intl";
import { ChevronRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { LinkPending } from "@/components/ui/link-pending";
import { formatRate } from "@/features/rollups/lib/metrics";
import { METRIC_TABLE } from "@/features/rollups/components/metric-cells";
import type { TReportMetrics } from "../lib/report-metrics";
import { isRateColumn, REPORT_COLUMNS, type TReportColumn } from "../lib/report-labels";

export type TReportRegionRow = {
  id: number;
  name: string;
  closed?: boolean;
  href: string;
  metrics: TReportMetrics;
};

function Cells({ m, open }: { m: TReportMetrics; open: boolean }) {
  const columns = REPORT_COLUMNS.filter((c) =>
    open ? c !== "missing" && c !== "missingRate" : c !== "notYet",
  );
  return (
    <>
      {columns.map((c: TReportColumn) => (
        <td
          key={c}
          data-col={c}
          className={
            (c === "missing" && m.missing > 0) || (c === "notYet" && m.notYet > 0)
              ? "font-semibold text-red-700"
              : undefined
          }
        >
          {isRateColumn(c) ? formatRate(m[c] as number | null) : m[c]}
        </td>
      ))}
    </>
  );
}

/**
 * 报送情况 per child region (drilling down), then 下级单位合计, 本级 and 本地区, as the completion
 * table (features/rollups/components/region-table.tsx). An open period shows 未报 instead of 漏报
 * (nothing is missing before it closes). Scrolls sideways on phones, region column in view.
 */
export function ReportStatusTable({
  rows,
  childTotal,
  own,
  region,
  open,
}: {
  rows: TReportRegionRow[];
  childTotal: TReportMetrics | null;
  own: TReportMetrics | null;
  region: TReportMetrics;
  open: boolean;
}) {
  const t = useTranslations("reportStatus");
  const tc = useTranslations("orgChanges");
  const columns = REPORT_COLUMNS.filter((c) =>
    open ? c !== "missing" && c !== "missingRate" : c !== "notYet",
  );
  const first = "sticky left-0 z-10 bg-inherit px-3 py-2 text-left";
  const foot = ([label, m, id, extra]: [string, TReportMetrics, string, string]) => (
    <tr data-testid={id} className={`border-t border-slate-200 ${extra}`}>
      <th scope="row" className={`${first} bg-slate-50 font-medium`}>
        {label}
      </th>
      <Cells m={m} open={open} />
    </tr>
  );
  return (
    <div className="overflow-x-auto">
      <table className={`w-full min-w-[640px] text-sm ${METRIC_TABLE}`} data-testid="report-status-table">
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className={`${first} bg-slate-50 font-medium`}>
              {t("cols.region")}
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
                {t(`cols.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="bg-white hover:bg-brand-50/40" data-testid={`report-region-${r.id}`}>
              <th scope="row" className={`${first} font-medium`}>
                <Link
                  href={r.href}
                  className="relative inline-flex items-center gap-1 pb-0.5 text-brand-700 hover:underline"
                  title={t("drill", { name: r.name })}
                >
                  {r.name}
                  {r.closed ? <Badge tone="amber">{tc("status.closed")}</Badge> : null}
                  <ChevronRight className="size-3.5" aria-hidden />
                  <LinkPending className="inset-x-0" />
                </Link>
              </th>
              <Cells m={r.metrics} open={open} />
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-200 bg-slate-50">
          {childTotal ? foot([t("childTotal"), childTotal, "report-children-total", "text-slate-700"]) : null}
          {own ? foot([t("own"), own, "report-own", "text-slate-700"]) : null}
          {foot([t("region"), region, "report-self", "font-semibold"])}
        </tfoot>
      </table>
    </div>
  );
}
