import { useTranslations } from "next-intl";
import { DOC_TD as td, DOC_TH as th, DocTable, OfficialDocument } from "@/components/ui/official-document";
import { formatRate, type TMetrics } from "../lib/metrics";
import { pickMentions, rankRegions, type TTie } from "../lib/ranking";
import type { TCompletion } from "../server/get-completion";

const progress = (m: TMetrics) => (m.avgProgress === null ? "—" : `${m.avgProgress.toFixed(1)}%`);

function Figures({ m }: { m: TMetrics }) {
  return (
    <>
      <td className={td}>{m.total}</td>
      <td className={td}>{m.completed}</td>
      <td className={td}>{formatRate(m.completionRate)}</td>
      <td className={td}>{progress(m)}</td>
      <td className={td}>{formatRate(m.onTimeRate)}</td>
      <td className={td}>{m.overdue}</td>
    </>
  );
}

/**
 * 通报 in 公文 style: red masthead (with the optional 发文字号), title, body, ranking table, issuer and
 * date; prints on A4. The table has the figures of the completion page: one ranked row per child
 * region with tasks, then 下级单位合计, 本级 (not ranked: its progress is derived from the rows above,
 * and an issuer does not rank itself) and 本地区, so it adds up with what the text names.
 */
export function Bulletin({
  data,
  date,
  docNo,
  planTitle,
  children,
}: {
  data: TCompletion;
  date: string;
  docNo?: string;
  /** The current plan's title: the scope when no objective is chosen. */
  planTitle?: string;
  /** More sections after the ranking (the chosen indicator's figures). */
  children?: React.ReactNode;
}) {
  const t = useTranslations("completion");
  const p = useTranslations("punct");
  const ranked = rankRegions(data.children);
  const mentions = pickMentions(ranked);
  const root = data.org.parentId === null;
  const scopeTitle = data.objective?.title ?? planTitle;
  const scope = scopeTitle ? p("quoted", { text: scopeTitle }) : t("report.scopeAll");
  const names = (rows: { name: string }[], tie: TTie | null) =>
    [
      rows.map((r) => r.name).join(p("listSep")),
      tie ? t("report.tie", { rank: tie.rank, count: tie.count }) : "",
    ]
      .filter(Boolean)
      .join(p("clauseSep"));
  const top = names(mentions.top, mentions.topTie);
  const bottom = names(mentions.bottom, mentions.bottomTie);
  const foot = [
    ...(data.children.length ? [{ key: "childTotal", label: t("childTotal"), m: data.childTotal }] : []),
    ...(data.own.total > 0 ? [{ key: "own", label: t("own"), m: data.own }] : []),
    ...(root ? [] : [{ key: "region", label: t("region"), m: data.region }]),
  ];
  return (
    <OfficialDocument
      issuer={data.org.name}
      docNo={docNo}
      title={t("report.title", { scope })}
      signature={[t("report.issuer", { org: data.org.name }), t("report.date", { date })]}
      testId="bulletin"
    >
      <p className="indent-8">
        {t(root ? "report.introRoot" : "report.intro", {
          date,
          org: data.org.name,
          total: data.region.total,
          completed: data.region.completed,
          rate: formatRate(data.region.completionRate),
          overdue: data.region.overdue,
        })}
      </p>
      <h2 className="mt-4 mb-2 font-bold">{t("report.ranking")}</h2>
      <DocTable label={t("report.ranking")} testId="bulletin-ranking">
        <thead>
          <tr>
            <th className={th}>{t("report.rank")}</th>
            <th className={th}>{t("cols.region")}</th>
            <th className={th}>{t("cols.total")}</th>
            <th className={th}>{t("cols.completed")}</th>
            <th className={th}>{t("cols.completionRate")}</th>
            <th className={th}>{t("cols.avgProgress")}</th>
            <th className={th}>{t("cols.onTimeRate")}</th>
            <th className={th}>{t("cols.overdue")}</th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((r) => (
            <tr key={r.id} className="break-inside-avoid">
              <td className={td}>{r.rank}</td>
              <td className={`${td} text-left`}>{r.name}</td>
              <Figures m={r.metrics} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          {foot.map((f) => (
            <tr
              key={f.key}
              className={`break-inside-avoid ${f.key === "region" ? "font-semibold" : ""}`}
              data-testid={`bulletin-${f.key}`}
            >
              <td className={td}>{t("report.unranked")}</td>
              <td className={`${td} text-left`}>{f.label}</td>
              <Figures m={f.m} />
            </tr>
          ))}
        </tfoot>
      </DocTable>
      {top || bottom ? (
        <p className="mt-4 indent-8" data-testid="bulletin-summary">
          {top ? p("sentence", { text: `${t("report.top")}${p("colon")}${top}` }) : null}
          {bottom ? p("sentence", { text: `${t("report.bottom")}${p("colon")}${bottom}` }) : null}
        </p>
      ) : null}
      {children}
      <p className="mt-4 text-sm leading-7 text-slate-700">{t("report.note")}</p>
    </OfficialDocument>
  );
}
