import { useTranslations } from "next-intl";
import { formatDay, chinaToday } from "@/lib/dates";
import type { TResultHead } from "../server/result-read";

/** A published result's facts: 发文字号, who published it when, the objection deadline. */
export function ResultFacts({ result }: { result: TResultHead }) {
  const t = useTranslations("assessmentResults.result");
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600" data-testid="assess-result-facts">
      {result.docNumber ? <li>{t("docNumber", { doc: result.docNumber })}</li> : null}
      <li>{t("publishedBy", { org: result.orgName, day: formatDay(chinaToday(result.publishedAt)) })}</li>
      <li>{t("deadline", { day: formatDay(result.objectionDeadline) })}</li>
    </ul>
  );
}
