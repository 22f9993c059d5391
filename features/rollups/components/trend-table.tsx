import { useTranslations } from "next-intl";
import { formatRate } from "../lib/metrics";
import type { TWeekPoint } from "../lib/trend";

/** The trend's numbers, newest week first, for those who prefer a table and for screen readers. */
export function TrendTable({ points }: { points: TWeekPoint[] }) {
  const t = useTranslations("completion");
  const num = "px-3 py-1.5 text-right tabular-nums";
  return (
    <div className="max-h-72 overflow-auto border-t border-slate-100">
      <table className="w-full text-sm" data-testid="trend-table">
        <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("trend.week")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("cols.total")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("cols.completed")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("cols.overdue")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("cols.completionRate")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {[...points].reverse().map((p) => (
            <tr key={p.date}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal tabular-nums">
                {p.date}
              </th>
              <td className={num}>{p.total}</td>
              <td className={num}>{p.completed}</td>
              <td className={num}>{p.overdue}</td>
              <td className={num}>{formatRate(p.total ? p.completed / p.total : null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
