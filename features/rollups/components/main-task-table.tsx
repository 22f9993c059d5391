import Link from "next/link";
import { useTranslations } from "next-intl";
import { tasksHref } from "../lib/completion-url";
import type { TMetrics } from "../lib/metrics";
import { METRIC_COLUMNS, METRIC_TABLE, MetricCells } from "./metric-cells";

/** The org's total per main task （一）…（六）; each title opens the tasks behind it. */
export function MainTaskTable({
  rows,
  orgId,
}: {
  rows: { id: number; code: string; title: string; metrics: TMetrics }[];
  orgId: number;
}) {
  const t = useTranslations("completion");
  const first = "sticky left-0 z-10 bg-inherit px-3 py-2 text-left";
  return (
    <div className="overflow-x-auto">
      <table className={`w-full min-w-[860px] text-sm ${METRIC_TABLE}`} data-testid="main-task-table">
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className={`${first} bg-slate-50 font-medium`}>
              {t("cols.mainTask")}
            </th>
            {METRIC_COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
                {t(`cols.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="bg-white">
              <th scope="row" className={`${first} max-w-[14rem] font-normal`}>
                <Link
                  href={tasksHref({ org: orgId, main: r.id })}
                  className="line-clamp-2 text-slate-800 hover:text-brand-700 hover:underline"
                  title={r.title}
                >
                  <span className="mr-1 text-slate-500">{r.code}</span>
                  {r.title}
                </Link>
              </th>
              <MetricCells
                m={r.metrics}
                overdueHref={tasksHref({ org: orgId, main: r.id, overdue: true })}
                lightHref={(light) => tasksHref({ org: orgId, main: r.id, light })}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
