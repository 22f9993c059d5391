import { useTranslations } from "next-intl";
import { DOC_TD as td, DOC_TH as th } from "@/components/ui/official-document";
import { formatRate } from "@/features/rollups/lib/metrics";
import { formatIndicatorValue, type TIndicatorMetrics } from "../lib/indicator-metrics";
import type { TIndicatorCompletion } from "../server/get-indicator-completion";

/** The sentence of the 通报 on an indicator, e.g. "本地区新建工会数 75 家，完成目标（146 家）的 51.4%。" */
export function useIndicatorSentence() {
  const t = useTranslations("indicatorViews.bulletin");
  return (data: TIndicatorCompletion) => {
    const m = data.region;
    const values = {
      org: t(data.org.parentId === null ? "regionRoot" : "region"),
      name: data.indicator.name,
      unit: data.indicator.unit,
      actual: formatIndicatorValue(m.actual ?? 0),
      target: formatIndicatorValue(m.target),
      rate: formatRate(m.rate),
    };
    if (m.target === null) return t("noTarget", values);
    return t(data.indicator.aggregation === "AVERAGE" ? "average" : "sum", values);
  };
}

/** The indicator section of the 通报: the sentence and the figures of every child region (as printed on A4). */
export function IndicatorBulletin({ data }: { data: TIndicatorCompletion }) {
  const t = useTranslations("indicatorViews");
  const tc = useTranslations("completion");
  const sentence = useIndicatorSentence()(data);
  const { unit } = data.indicator;
  const row = ({
    key,
    label,
    m,
    strong = false,
  }: {
    key: string | number;
    label: string;
    m: TIndicatorMetrics;
    strong?: boolean;
  }) => (
    <tr key={key} className={`break-inside-avoid ${strong ? "font-semibold" : ""}`}>
      <td className={`${td} text-left`}>{label}</td>
      <td className={td}>{formatIndicatorValue(m.target)}</td>
      <td className={td}>{formatIndicatorValue(m.actual)}</td>
      <td className={td}>{formatRate(m.rate)}</td>
    </tr>
  );
  return (
    <section data-testid="bulletin-indicator">
      <h2 className="mt-4 mb-2 font-bold">{t("bulletin.title", { name: data.indicator.name, unit })}</h2>
      <p className="indent-8" data-testid="bulletin-indicator-sentence">
        {sentence}
      </p>
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t("bulletin.heading")}>
        <table className="w-full min-w-[420px] border-collapse text-sm leading-6">
          <thead>
            <tr>
              <th className={th}>{tc("cols.region")}</th>
              <th className={th}>{t("table.withUnit", { label: t("table.target"), unit })}</th>
              <th className={th}>{t("table.withUnit", { label: t("table.actual"), unit })}</th>
              <th className={th}>{t("table.rate")}</th>
            </tr>
          </thead>
          <tbody>
            {data.children
              .filter((c) => c.metrics.tasks > 0)
              .map((c) => row({ key: c.id, label: c.name, m: c.metrics }))}
            {data.own.tasks > 0 ? row({ key: "own", label: tc("own"), m: data.own }) : null}
            {row({
              key: "region",
              label: data.org.parentId === null ? tc("childTotal") : tc("region"),
              m: data.region,
              strong: true,
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
