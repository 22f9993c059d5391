import Link from "next/link";
import { useTranslations } from "next-intl";
import { completionHref, tasksHref } from "../lib/completion-url";
import { formatRate } from "../lib/metrics";
import { RATE_TEXT_COLOUR, rateColour } from "../lib/rate-colour";
import type { THeatmap } from "../server/get-heatmap";
import { RateLegend } from "./rate-legend";

/** Regions × objectives coloured by completion rate; every cell opens the tasks behind it. */
export function HeatmapGrid({ data }: { data: THeatmap }) {
  const t = useTranslations("completion");
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full border-separate border-spacing-1 text-sm" data-testid="heatmap">
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 z-10 bg-white px-2 text-left text-xs font-medium text-slate-600"
              >
                {t("cols.region")}
              </th>
              {data.columns.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  className="min-w-[4.5rem] px-1 text-center text-xs font-medium text-slate-600"
                  title={c.title}
                >
                  <span>{c.code}</span>
                  <span className="block max-w-[6rem] truncate font-normal text-slate-500">{c.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 bg-white px-2 text-left font-medium whitespace-nowrap"
                >
                  <Link
                    href={
                      r.level === "GRASSROOTS"
                        ? tasksHref({ org: r.id })
                        : completionHref({ org: r.id, view: "heatmap" })
                    }
                    className="text-brand-700 hover:underline"
                  >
                    {r.name}
                  </Link>
                </th>
                {r.cells.map((m, i) => {
                  const col = data.columns[i]!;
                  const label = t("heatmap.cell", {
                    region: r.name,
                    column: `${col.code} ${col.title}`,
                    rate: formatRate(m?.completionRate ?? null),
                    total: m?.total ?? 0,
                  });
                  return (
                    <td key={col.id} className="p-0 text-center tabular-nums">
                      {m && m.total > 0 ? (
                        <Link
                          href={tasksHref({ org: r.id, objective: col.code })}
                          title={label}
                          aria-label={label}
                          className="block rounded px-1 py-2 hover:ring-2 hover:ring-brand-600"
                          style={{ background: rateColour(m.completionRate), color: RATE_TEXT_COLOUR }}
                          data-testid={`cell-${r.id}-${col.code}`}
                        >
                          {formatRate(m.completionRate)}
                        </Link>
                      ) : (
                        <span
                          className="block rounded px-1 py-2"
                          style={{ background: rateColour(null), color: RATE_TEXT_COLOUR }}
                          title={t("heatmap.none")}
                        >
                          —
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RateLegend />
    </div>
  );
}
