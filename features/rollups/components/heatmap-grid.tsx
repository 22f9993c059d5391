import Link from "next/link";
import { useTranslations } from "next-intl";
import { completionHref, tasksHref } from "../lib/completion-url";
import { formatRate } from "../lib/metrics";
import { RATE_TEXT_COLOUR, rateColour } from "../lib/rate-colour";
import type { THeatmap } from "../server/get-heatmap";
import { RateLegend } from "./rate-legend";

const NO_TASKS = rateColour(null);

/** Regions × objectives coloured by completion rate; every cell opens the tasks behind it. */
export function HeatmapGrid({ data }: { data: THeatmap }) {
  const t = useTranslations("completion");
  const none = t("heatmap.none");
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
          {/* Cell styles are set once here rather than on each of the (up to 50 × 20) cells. */}
          <tbody
            className="[&_td]:p-0 [&_td]:text-center [&_td]:tabular-nums [&_td>*]:block [&_td>*]:rounded [&_td>*]:px-1 [&_td>*]:py-2 [&_td>a:hover]:ring-2 [&_td>a:hover]:ring-brand-600"
            style={{ color: RATE_TEXT_COLOUR }}
          >
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
                  // A plain link (no client component per cell) named by region, column code and
                  // figures; the column's title is in its header.
                  return (
                    <td key={col.id}>
                      {m && m.total > 0 ? (
                        <a
                          href={tasksHref({ org: r.id, objective: col.code })}
                          aria-label={t("heatmap.cell", {
                            region: r.name,
                            column: col.code,
                            rate: formatRate(m.completionRate),
                            total: m.total,
                          })}
                          style={{ background: rateColour(m.completionRate) }}
                          data-testid={`cell-${r.id}-${col.code}`}
                        >
                          {formatRate(m.completionRate)}
                        </a>
                      ) : (
                        <span style={{ background: NO_TASKS }} title={none}>
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
