import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { EvidenceLinks } from "@/features/assessment/components/evidence-links";
import { ObjectionList, UnitObjectionForm } from "@/features/assessment/components/objection-list";
import { ResultFacts } from "@/features/assessment/components/result-head";
import { SheetLines } from "@/features/assessment/components/sheet-lines";
import { nullIfNotFound } from "@/features/assessment/lib/page-params";
import { readResultSheet } from "@/features/assessment/server/result-read";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("assessmentResults.result.title");

type TProps = { params: Promise<{ resultId: string; orgId: string }> };

export default async function ResultSheetPage({ params }: TProps) {
  const user = await requirePagePermission("assessment:manage");
  const p = await params;
  const [resultId, orgId] = [parseId(p.resultId), parseId(p.orgId)];
  const sheet =
    resultId === null || orgId === null
      ? null
      : await nullIfNotFound(readResultSheet(user, { resultId, orgId }));
  if (!sheet) notFound();
  const t = await getTranslations("assessmentResults");
  const ts = await getTranslations("assessmentSchemes");
  const { result } = sheet;
  const full = result.view === "FULL";
  return (
    <>
      <Breadcrumb
        label={ts("breadcrumb")}
        items={[
          { label: ts("crumb"), href: "/assessment" },
          ...(full ? [{ label: t("result.title"), href: `/assessment/results/${result.id}` }] : []),
          { label: sheet.unit.name },
        ]}
      />
      <PageHeader
        title={t("sheetTitle", { unit: sheet.unit.name })}
        description={t("result.head", {
          title: result.title,
          year: result.year,
          day: formatDay(result.asOf),
        })}
        actions={
          full ? (
            <Link
              href={`/assessment/results/${result.id}`}
              className="text-sm text-brand-700 hover:underline"
            >
              {t("result.backToResult")}
            </Link>
          ) : null
        }
      />
      <div className="mb-4 grid gap-1">
        <ResultFacts result={result} />
        <p className="text-sm font-medium text-slate-800" data-testid="assess-rank">
          {t("rankOf", { rank: sheet.rank, count: sheet.units })}
        </p>
      </div>
      <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
        <Card className="min-w-0">
          <CardHeader title={t("frozen")} />
          <SheetLines
            lines={sheet.lines}
            rules={result.rules}
            indicatorNames={sheet.indicatorNames}
            refs={sheet.refs}
            total={sheet.total}
            grade={sheet.grade}
            vetoed={sheet.vetoed}
            aside={(l) => {
              // A manual item's evidence (its key is item:<id>): the unit sees why it got it.
              const itemId = l.key.startsWith("item:") ? Number(l.key.slice(5)) : null;
              return itemId === null ? null : (
                <EvidenceLinks itemId={itemId} files={sheet.evidence[itemId]} />
              );
            }}
          />
        </Card>
        <div className="grid min-w-0 content-start gap-4">
          {result.view === "UNIT" ? (
            <Card>
              <CardHeader title={t("objection.raise")} />
              <p className="px-4 pt-3 text-sm text-slate-600" role="status">
                {sheet.canObject
                  ? t("objection.open", { day: formatDay(result.objectionDeadline) })
                  : t("objection.closed", { day: formatDay(result.objectionDeadline) })}
              </p>
              {sheet.canObject ? (
                <UnitObjectionForm
                  resultId={result.id}
                  lines={sheet.lines}
                  rules={result.rules}
                  indicatorNames={sheet.indicatorNames}
                />
              ) : null}
            </Card>
          ) : null}
          <Card>
            <CardHeader title={t("objection.history")} />
            {sheet.objections.length ? (
              <ObjectionList
                objections={sheet.objections}
                lines={sheet.lines}
                rules={result.rules}
                indicatorNames={sheet.indicatorNames}
                canDecide={sheet.canDecide}
              />
            ) : (
              <EmptyState title={t("objection.none")} />
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
