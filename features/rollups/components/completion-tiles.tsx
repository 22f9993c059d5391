import { useTranslations } from "next-intl";
import { formatRate, type TMetrics } from "../lib/metrics";

/** The headline figures of the org's whole subtree. */
export function CompletionTiles({ m }: { m: TMetrics }) {
  const t = useTranslations("completion.tiles");
  const tiles = [
    { key: "total", value: String(m.total) },
    { key: "completionRate", value: formatRate(m.completionRate) },
    { key: "onTimeRate", value: formatRate(m.onTimeRate) },
    { key: "overdue", value: String(m.overdue), alert: m.overdue > 0 },
    { key: "avgProgress", value: m.avgProgress === null ? "—" : `${m.avgProgress.toFixed(1)}%` },
  ];
  return (
    <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="completion-tiles">
      {tiles.map((x) => (
        <div
          key={x.key}
          className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm last:col-span-2 sm:last:col-span-1"
        >
          <dt className="text-xs text-slate-600">{t(x.key)}</dt>
          <dd
            className={`mt-1 text-xl font-bold tabular-nums ${x.alert ? "text-red-700" : "text-slate-900"}`}
            data-testid={`tile-${x.key}`}
          >
            {x.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
