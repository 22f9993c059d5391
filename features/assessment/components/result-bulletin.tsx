import { useTranslations } from "next-intl";
import { resultSubject } from "../lib/subject";
import { DOC_TD as td, DOC_TH as th, DocTable, OfficialDocument } from "@/components/ui/official-document";
import { GRADES } from "../schemas";
import type { TResultOutput } from "../server/result-output";

/**
 * 考评通报 in the 公文 style of the completion 通报: masthead with the federation and the result's
 * 发文字号, "关于<year>年度<scheme>考评结果的通报", an opening paragraph (the day, how many units), the
 * ranking, units per grade and the units graded 优秀 by name. A unit reading its own result (UNIT view)
 * sees its own row only, and no counts or names of others.
 */
export function ResultBulletin({
  out,
  asOf,
  date,
}: {
  out: Pick<TResultOutput, "view" | "docNumber" | "scheme" | "units" | "gradeCounts">;
  /** The as-of day and the issue day, written out in the reader's language. */
  asOf: string;
  date: string;
}) {
  const t = useTranslations("assessmentOutputs");
  const ta = useTranslations("assessment");
  const p = useTranslations("punct");
  const { scheme } = out;
  const counts = out.gradeCounts;
  const excellent = out.units.filter((u) => u.grade === "EXCELLENT").map((u) => u.name);
  return (
    <OfficialDocument
      issuer={scheme.orgName}
      docNo={out.docNumber}
      title={t("print.title", { year: scheme.year, scheme: resultSubject(scheme.title, scheme.year) })}
      signature={[t("print.issuer", { org: scheme.orgName }), t("print.date", { date })]}
      testId="result-bulletin"
    >
      <p className="indent-8" data-testid="result-bulletin-intro">
        {out.view === "FULL"
          ? t("print.intro", {
              scheme: scheme.title,
              org: scheme.orgName,
              count: out.units.length,
              day: asOf,
            })
          : t("print.introUnit", {
              scheme: scheme.title,
              org: scheme.orgName,
              unit: out.units[0]?.name ?? "",
              day: asOf,
            })}
      </p>
      <h2 className="mt-4 mb-2 font-bold">{t("print.ranking")}</h2>
      <DocTable label={t("print.ranking")} testId="result-bulletin-ranking" minWidth="min-w-[480px]">
        <thead>
          <tr>
            <th className={th}>{t("cols.rank")}</th>
            <th className={th}>{t("cols.unit")}</th>
            <th className={th}>{t("cols.code")}</th>
            <th className={th}>{t("cols.total")}</th>
            <th className={th}>{t("cols.grade")}</th>
            <th className={th}>{t("cols.vetoed")}</th>
          </tr>
        </thead>
        <tbody>
          {out.units.map((u) => (
            <tr key={u.orgId} className="break-inside-avoid" data-testid={`result-bulletin-row-${u.orgId}`}>
              <td className={td}>{u.rank}</td>
              <td className={`${td} text-left`}>{u.name}</td>
              <td className={td}>{u.code}</td>
              <td className={td}>{u.total.toFixed(2)}</td>
              <td className={td}>{ta(`grade.${u.grade}`)}</td>
              <td className={td}>{u.vetoed ? t("yes") : ""}</td>
            </tr>
          ))}
        </tbody>
      </DocTable>
      {counts ? (
        <>
          <h2 className="mt-4 mb-2 font-bold">{t("print.grades")}</h2>
          <p className="indent-8" data-testid="result-bulletin-grades">
            {p("sentence", {
              text: GRADES.map((g) =>
                t("print.gradeCount", { grade: ta(`grade.${g}`), count: counts[g] }),
              ).join(p("listSep")),
            })}
            {excellent.length
              ? p("sentence", { text: `${t("print.excellent")}${p("colon")}${excellent.join(p("listSep"))}` })
              : t("print.noExcellent")}
          </p>
        </>
      ) : null}
    </OfficialDocument>
  );
}
