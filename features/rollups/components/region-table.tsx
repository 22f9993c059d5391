import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { ChevronRight } from "lucide-react";
import { LinkPending } from "@/components/ui/link-pending";
import { completionHref, tasksHref } from "../lib/completion-url";
import type { TMetrics } from "../lib/metrics";
import { COMPACT_COLUMNS, METRIC_COLUMNS, METRIC_TABLE, MetricCells } from "./metric-cells";
import type { TMissingCounts } from "@/features/reporting/server/read-missing";

export type TRegionRow = { id: number; name: string; level: string; closed?: boolean; metrics: TMetrics };

/**
 * One row per child region with tasks (its region figures, as on its own page); a federation row
 * drills down to its own completion, a branch row opens its tasks. The footer: 下级单位合计 (the
 * children's sum, when the org has children), 本级 (the org's own tasks, when it holds any) and
 * 本地区 (what the parent sees; not at the root, whose figures are the children's sum). Without
 * passed-down tasks 本地区 = 下级单位合计 + 本级; when the org passed tasks down, the children count
 * them and 本地区 counts the org's own task once. Scrolls sideways on phones, region column in view.
 */
export function RegionTable({
  rows,
  own,
  childTotal,
  region,
  objective,
  compact = false,
  missing = null,
}: {
  rows: TRegionRow[];
  own: TMetrics | null;
  childTotal: TMetrics | null;
  region: TMetrics | null;
  objective?: string;
  compact?: boolean;
  /** 漏报 of the plan's closed reporting periods (features/reporting); null: no column (no rule). */
  missing?: TMissingCounts | null;
}) {
  const t = useTranslations("completion");
  const tc = useTranslations("orgChanges");
  const tr = useTranslations("reportStatus");
  const columns = compact ? COMPACT_COLUMNS : METRIC_COLUMNS;
  const first = "sticky left-0 z-10 bg-inherit px-3 py-2 text-left";
  const missingCell = (n: number) =>
    missing ? (
      <td data-col="missing" className={n > 0 ? "font-semibold text-red-700" : undefined}>
        {n}
      </td>
    ) : null;
  return (
    <div className="overflow-x-auto">
      <table
        className={`w-full text-sm ${METRIC_TABLE} ${compact ? "" : "min-w-[860px]"}`}
        data-testid="region-table"
      >
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
            {missing ? (
              <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
                {tr("cols.missing")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const branch = r.level === "GRASSROOTS";
            const href = branch
              ? tasksHref({ org: r.id, objective })
              : completionHref({ org: r.id, objective });
            return (
              <tr key={r.id} className="bg-white hover:bg-brand-50/40" data-testid={`region-${r.id}`}>
                <th scope="row" className={`${first} font-medium`}>
                  <Link
                    href={href}
                    className="relative inline-flex items-center gap-1 pb-0.5 text-brand-700 hover:underline"
                    title={t(branch ? "openTasks" : "drill", { name: r.name })}
                  >
                    {r.name}
                    {r.closed ? <Badge tone="amber">{tc("status.closed")}</Badge> : null}
                    <ChevronRight className="size-3.5" aria-hidden />
                    <LinkPending className="inset-x-0" />
                  </Link>
                </th>
                <MetricCells
                  m={r.metrics}
                  columns={columns}
                  overdueHref={tasksHref({ org: r.id, objective, overdue: true })}
                  lightHref={(light) => tasksHref({ org: r.id, objective, light })}
                />
                {missingCell(missing?.byOrg.get(r.id) ?? 0)}
              </tr>
            );
          })}
        </tbody>
        <tfoot className="border-t-2 border-slate-200 bg-slate-50">
          {childTotal ? (
            <tr data-testid="region-children-total" className="text-slate-700">
              <th scope="row" className={`${first} bg-slate-50 font-medium`}>
                {t("childTotal")}
              </th>
              <MetricCells m={childTotal} columns={columns} />
              {missingCell(missing?.childTotal ?? 0)}
            </tr>
          ) : null}
          {own ? (
            <tr data-testid="region-own" className="border-t border-slate-200 text-slate-700">
              <th scope="row" className={`${first} bg-slate-50 font-medium`}>
                {t("own")}
              </th>
              <MetricCells m={own} columns={columns} />
              {missingCell(missing?.own ?? 0)}
            </tr>
          ) : null}
          {region ? (
            <tr data-testid="region-self" className="border-t border-slate-200 font-semibold">
              <th scope="row" className={`${first} bg-slate-50`}>
                {t("region")}
              </th>
              <MetricCells m={region} columns={columns} />
              {missingCell(missing?.region ?? 0)}
            </tr>
          ) : null}
        </tfoot>
      </table>
    </div>
  );
}
