import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ObjectionList } from "@/features/assessment/components/objection-list";
import { RankingTable } from "@/features/assessment/components/ranking-table";
import { ResultFacts } from "@/features/assessment/components/result-head";
import { nullIfNotFound } from "@/features/assessment/lib/page-params";
import { readResult } from "@/features/assessment/server/result-read";
import { ResultOutputLinks } from "@/features/assessment/components/result-output-links";
import { readIndicatorNames } from "@/features/assessment/server/explain";
import { requirePagePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDay } from "@/lib/dates";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("assessmentResults.result.title");

export default async function ResultPage({ params }: { params: Promise<{ resultId: string }> }) {
  const user = await requirePagePermission("assessment:manage");
  const id = parseId((await params).resultId);
  const view = id === null ? null : await nullIfNotFound(readResult(user, id));
  if (!view) notFound();
  const { result, rows, pending } = view;
  // A scored unit sees its own sheet only.
  if (result.view === "UNIT") redirect(`/assessment/results/${result.id}/units/${user.orgId}`);
  const t = await getTranslations("assessmentResults");
  const ts = await getTranslations("assessmentSchemes");
  const indicatorNames = await readIndicatorNames(getDb(), result.rules);
  return (
    <>
      <Breadcrumb
        label={ts("breadcrumb")}
        items={[
          { label: ts("crumb"), href: "/assessment" },
          { label: result.title, href: `/assessment/${result.schemeId}` },
          { label: t("result.title") },
        ]}
      />
      <PageHeader
        title={t("result.title")}
        description={t("result.head", {
          title: result.title,
          year: result.year,
          day: formatDay(result.asOf),
        })}
      />
      <div className="mb-4">
        <ResultFacts result={result} />
      </div>
      <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
        <Card className="min-w-0">
          <CardHeader title={t("result.ranking")} />
          <p className="px-4 pt-3 text-xs text-slate-500">{t("frozen")}</p>
          {rows.length ? (
            <RankingTable rows={rows} href={(orgId) => `/assessment/results/${result.id}/units/${orgId}`} />
          ) : (
            <EmptyState title={t("noUnits")} />
          )}
        </Card>
        <div className="grid min-w-0 content-start gap-4">
          <Card>
            <CardHeader title={t("result.outputs")} />
            <div className="p-4" data-testid="assess-result-outputs">
              <ResultOutputLinks resultId={result.id} />
            </div>
          </Card>
          <Card>
            <CardHeader title={t("result.pending")} />
            {pending.length ? (
              <ObjectionList
                objections={pending}
                rules={result.rules}
                indicatorNames={indicatorNames}
                canDecide={result.runs}
                showUnit
              />
            ) : (
              <EmptyState title={t("result.noPending")} />
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
