import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { percentOfTarget } from "../lib/percent";
import { getTaskIndicators } from "../server/task-indicators";

const num = (v: number) => v.toLocaleString("zh-CN", { maximumFractionDigits: 6 });

/** The task page's indicators: target, actual and % of target each (nothing when the measure has none). */
export async function TaskIndicatorsCard({ task }: { task: { id: number; objectiveId: number } }) {
  const rows = await getTaskIndicators(task);
  if (rows.length === 0) return null;
  const t = await getTranslations("indicators.card");
  const pu = await getTranslations("punct");
  return (
    <Card data-testid="task-indicators">
      <CardHeader title={t("title")} />
      <ul className="divide-y divide-slate-100">
        {rows.map((r) => {
          const pct = percentOfTarget(r.actual, r.target);
          return (
            <li key={r.id} className="grid gap-1 px-4 py-3 text-sm">
              <p className="font-medium break-words text-slate-800">
                {r.name}
                <span className="text-slate-500">{pu("paren", { text: r.unit })}</span>
                {r.direction === "LOWER" ? (
                  <span className="ml-1 text-xs text-slate-500">{t("lower")}</span>
                ) : null}
              </p>
              <dl className="grid grid-cols-3 gap-2">
                <div>
                  <dt className="text-xs text-slate-500">{t("target")}</dt>
                  <dd className="tabular-nums">{r.target === null ? t("noTarget") : num(r.target)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">{t("actual")}</dt>
                  <dd className="tabular-nums">{r.actual === null ? "—" : num(r.actual)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">{t("percent")}</dt>
                  <dd className="tabular-nums" data-testid="indicator-percent">
                    {pct === null ? "—" : `${pct}%`}
                  </dd>
                </div>
              </dl>
              {pct !== null ? (
                <div className="h-1.5 overflow-hidden rounded bg-slate-100" aria-hidden>
                  <div className="h-full bg-brand-600" style={{ width: `${Math.min(100, pct)}%` }} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
