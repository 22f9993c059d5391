import { useTranslations } from "next-intl";
import { formatRate } from "../lib/metrics";
import { rankRegions } from "../lib/ranking";
import type { TCompletion } from "../server/get-completion";

const A4 = `@page { size: A4; margin: 25mm 20mm 22mm; }
@media print { body { background: #fff !important; } .bulletin { box-shadow: none !important; border: 0 !important; padding: 0 !important; } }`;

/** 通报 in 公文 style: red masthead, title, body, ranking table, issuer and date; prints on A4. */
export function Bulletin({ data, date }: { data: TCompletion; date: string }) {
  const t = useTranslations("completion");
  const ranked = rankRegions(data.children);
  const mention = Math.min(3, Math.floor(ranked.length / 2)); // the best and the last, never overlapping
  const scope = data.objective ? `“${data.objective.title}”` : t("report.scopeAll");
  const th = "border border-slate-800 px-2 py-1.5 font-semibold";
  const td = "border border-slate-800 px-2 py-1 text-center tabular-nums";
  return (
    <article
      className="bulletin mx-auto max-w-[210mm] border border-slate-200 bg-white px-6 py-8 font-serif text-[15px] leading-8 text-black shadow-sm sm:px-14"
      data-testid="bulletin"
    >
      <style>{A4}</style>
      <header className="border-b-2 border-red-700 pb-3 text-center">
        <p className="text-3xl font-bold tracking-widest text-red-700">{data.org.name}</p>
      </header>
      <h1 className="mt-6 mb-5 text-center text-xl leading-9 font-bold">{t("report.title", { scope })}</h1>
      <p className="indent-8">
        {t("report.intro", {
          date,
          org: data.org.name,
          total: data.total.total,
          completed: data.total.completed,
          rate: formatRate(data.total.completionRate),
          overdue: data.total.overdue,
        })}
      </p>
      <h2 className="mt-4 mb-2 font-bold">{t("report.ranking")}</h2>
      <div className="overflow-x-auto">
        <table
          className="w-full min-w-[520px] border-collapse text-sm leading-6"
          data-testid="bulletin-ranking"
        >
          <thead>
            <tr>
              <th className={th}>{t("report.rank")}</th>
              <th className={th}>{t("cols.region")}</th>
              <th className={th}>{t("cols.total")}</th>
              <th className={th}>{t("cols.completed")}</th>
              <th className={th}>{t("cols.completionRate")}</th>
              <th className={th}>{t("cols.onTimeRate")}</th>
              <th className={th}>{t("cols.overdue")}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((r) => (
              <tr key={r.id} className="break-inside-avoid">
                <td className={td}>{r.rank}</td>
                <td className={`${td} text-left`}>{r.name}</td>
                <td className={td}>{r.metrics.total}</td>
                <td className={td}>{r.metrics.completed}</td>
                <td className={td}>{formatRate(r.metrics.completionRate)}</td>
                <td className={td}>{formatRate(r.metrics.onTimeRate)}</td>
                <td className={td}>{r.metrics.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mention > 0 ? (
        <p className="mt-4 indent-8" data-testid="bulletin-summary">
          {t("report.top")}：
          {ranked
            .slice(0, mention)
            .map((r) => r.name)
            .join("、")}
          。{t("report.bottom")}：
          {ranked
            .slice(-mention)
            .map((r) => r.name)
            .join("、")}
          。
        </p>
      ) : null}
      <p className="mt-4 text-sm leading-7 text-slate-700">{t("report.note")}</p>
      <footer className="mt-12 text-right leading-8">
        <p>{t("report.issuer", { org: data.org.name })}</p>
        <p>{t("report.date", { date })}</p>
      </footer>
    </article>
  );
}
