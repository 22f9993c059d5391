import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/ui/print-button";
import { ResultBulletin } from "@/features/assessment/components/result-bulletin";
import { ResultOutputLinks } from "@/features/assessment/components/result-output-links";
import { readResultOutput } from "@/features/assessment/server/result-output";
import { requirePagePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("assessmentOutputs.print.pageTitle");

const longDay = (d: Date, locale: string) =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(d);

// 考评通报 of a published result, printable on A4 (the app shell and the buttons are print:hidden).
// Whoever may not read the result gets a 404 (findVisibleResult).
export default async function ResultPrintPage({ params }: { params: Promise<{ resultId: string }> }) {
  const user = await requirePagePermission("assessment:manage");
  const resultId = parseId((await params).resultId);
  const out =
    resultId === null
      ? null
      : await readResultOutput(getDb(), user, { resultId }).catch((e) =>
          isAppError(e) && e.code === "NOT_FOUND" ? null : Promise.reject(e),
        );
  if (!out) notFound();
  const [t, locale] = await Promise.all([getTranslations("assessmentOutputs"), getLocale()]);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/assessment/results/${out.resultId}`} className="text-sm text-brand-700 hover:underline">
          ← {t("print.back")}
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <ResultOutputLinks resultId={out.resultId} print={false} />
          <PrintButton label={t("print.print")} />
        </div>
      </div>
      <ResultBulletin out={out} asOf={longDay(out.asOf, locale)} date={longDay(out.publishedAt, locale)} />
    </>
  );
}
