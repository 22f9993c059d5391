import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AsOfPicker } from "@/features/assessment/components/as-of-picker";
import { PublishResultForm } from "@/features/assessment/components/publish-result-form";
import { RankingTable } from "@/features/assessment/components/ranking-table";
import { ResultList } from "@/features/assessment/components/result-list";
import { defaultDeadline, nullIfNotFound, parseAsOf } from "@/features/assessment/lib/page-params";
import { listSchemeResults, readLiveRanking } from "@/features/assessment/server/scores-read";
import { requirePagePermission } from "@/lib/auth/session";
import { chinaToday, formatDay } from "@/lib/dates";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("assessmentResults.scoresTitle");

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ asOf?: string }> };

export default async function SchemeScoresPage({ params, searchParams }: TProps) {
  const user = await requirePagePermission("assessment:manage");
  const id = parseId((await params).id);
  const asOf = parseAsOf((await searchParams).asOf);
  const view = id === null ? null : await nullIfNotFound(readLiveRanking(user, id, asOf));
  if (!view) notFound();
  const results = await listSchemeResults(user, view.scheme.id);
  const t = await getTranslations("assessmentResults");
  const ts = await getTranslations("assessmentSchemes");
  const day = formatDay(asOf);
  const canPublish = view.runs && view.scheme.status === "PUBLISHED";
  return (
    <>
      <Breadcrumb
        label={ts("breadcrumb")}
        items={[
          { label: ts("crumb"), href: "/assessment" },
          { label: view.scheme.title, href: `/assessment/${view.scheme.id}` },
          { label: t("scoresTitle") },
        ]}
      />
      <PageHeader
        title={t("scoresTitle")}
        description={t("scoresDescription", { title: view.scheme.title, version: view.scheme.version })}
        actions={<AsOfPicker asOf={day} max={formatDay(chinaToday())} />}
      />
      <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
        <Card className="min-w-0">
          <CardHeader title={t("live", { day })} />
          {view.rows.length ? (
            <RankingTable
              rows={view.rows.map((r) => ({ ...r, orgId: r.id }))}
              href={(orgId) => `/assessment/${view.scheme.id}/units/${orgId}?asOf=${day}`}
            />
          ) : (
            <EmptyState title={t("noUnits")} hint={t("noUnitsHint")} />
          )}
        </Card>
        <div className="grid min-w-0 content-start gap-4">
          {canPublish ? (
            <Card>
              <CardHeader title={t("publish.title")} />
              <PublishResultForm schemeId={view.scheme.id} asOf={day} deadline={defaultDeadline()} />
            </Card>
          ) : null}
          <Card>
            <CardHeader title={t("results.title")} />
            <ResultList results={results} />
          </Card>
        </div>
      </div>
    </>
  );
}
