import Link from "next/link";
import { useTranslations } from "next-intl";
import { ChevronRight } from "lucide-react";
import { completionHref, tasksHref } from "@/features/rollups/lib/completion-url";
import { formatIndicatorValue, type TIndicatorMetrics } from "../lib/indicator-metrics";
import type { TIndicatorCompletion } from "../server/get-indicator-completion";
import { RateChip } from "./rate-chip";

/**
 * 目标 / 完成 / 完成率 of one indicator per child region (those with tasks carrying it), then
 * 下级单位合计, 本级 and 本地区 as in the region table. Scrolls sideways on phones.
 */
export function IndicatorTable({ data, objective }: { data: TIndicatorCompletion; objective?: string }) {
  const t = useTranslations("indicatorViews.table");
  const tc = useTranslations("completion");
  const { indicator } = data;
  const first = "sticky left-0 z-10 bg-inherit px-3 py-2 text-left";
  const cells = (m: TIndicatorMetrics) => (
    <>
      <td>{formatIndicatorValue(m.target)}</td>
      <td>{formatIndicatorValue(m.actual)}</td>
      <td>
        <RateChip rate={m.rate} direction={indicator.direction} />
      </td>
      <td className="text-slate-500">{t("reportedOf", { reported: m.reported, tasks: m.tasks })}</td>
    </>
  );
  const rows = data.children.filter((c) => c.metrics.tasks > 0);
  const foot = [
    ...(data.children.length ? [{ key: "children-total", label: tc("childTotal"), m: data.childTotal }] : []),
    ...(data.own.tasks > 0 ? [{ key: "own", label: tc("own"), m: data.own }] : []),
    ...(data.org.parentId === null ? [] : [{ key: "self", label: tc("region"), m: data.region }]),
  ];
  return (
    <div className="overflow-x-auto">
      <table
        className="w-full min-w-[440px] text-sm [&_td]:px-3 [&_td]:py-2 [&_td]:text-right [&_td]:tabular-nums"
        data-testid="indicator-table"
      >
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className={`${first} bg-slate-50 font-medium`}>
              {tc("cols.region")}
            </th>
            {(["target", "actual", "rate", "reported"] as const).map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
                {c === "target" || c === "actual"
                  ? t("withUnit", { label: t(c), unit: indicator.unit })
                  : t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="bg-white" data-testid={`indicator-region-${r.id}`}>
              <th scope="row" className={`${first} font-medium`}>
                <Link
                  href={
                    r.level === "GRASSROOTS"
                      ? tasksHref({ org: r.id, objective: indicator.measureCode })
                      : completionHref({ org: r.id, objective, indicator: indicator.id })
                  }
                  className="inline-flex items-center gap-1 text-brand-700 hover:underline"
                >
                  {r.name}
                  <ChevronRight className="size-3.5" aria-hidden />
                </Link>
              </th>
              {cells(r.metrics)}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-200 bg-slate-50">
          {foot.map((f) => (
            <tr
              key={f.key}
              data-testid={`indicator-${f.key}`}
              className={f.key === "self" ? "border-t border-slate-200 font-semibold" : "text-slate-700"}
            >
              <th scope="row" className={`${first} bg-slate-50 font-medium`}>
                {f.label}
              </th>
              {cells(f.m)}
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
