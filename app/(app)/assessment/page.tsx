import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { STATUS_TONE } from "@/features/assessment/components/scheme-versions";
import { groupSeries } from "@/features/assessment/lib/series";
import { listOwnResults, listOwnSchemes } from "@/features/assessment/server/list";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("assessment.title");

export default async function AssessmentPage() {
  const user = await requirePagePermission("assessment:manage");
  const t = await getTranslations("assessment");
  const ts = await getTranslations("assessmentSchemes");
  const [schemes, results] = await Promise.all([listOwnSchemes(user), listOwnResults(user)]);
  const series = groupSeries(schemes);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild>
            <Link href="/assessment/new">{ts("new")}</Link>
          </Button>
        }
      />
      <div className="grid gap-4">
        <Card>
          <CardHeader title={t("list.schemes")} />
          {series.length ? (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="assessment-schemes">
              {series.map((g) => (
                <li key={g.seriesId} className="grid gap-2 px-4 py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <Link
                      href={`/assessment/${g.latest.id}`}
                      className="min-w-0 font-medium break-words text-slate-800 hover:text-brand-700 hover:underline"
                    >
                      {g.latest.year} · {g.latest.title}
                    </Link>
                    <span className="text-slate-500">
                      {g.latest.level
                        ? ts(`level.${g.latest.level}` as "level.COUNTY")
                        : t(`scope.${g.latest.scope}`)}{" "}
                      · {ts("versionCount", { count: g.versions.length })}
                    </span>
                  </div>
                  <ul className="flex flex-wrap gap-2">
                    {g.versions.map((v) => (
                      <li key={v.id}>
                        <Link
                          href={`/assessment/${v.id}`}
                          className="inline-flex items-center gap-1.5 rounded-md border border-slate-200 px-2 py-1 hover:bg-slate-50"
                        >
                          {t("list.version", { version: v.version })}
                          <Badge tone={STATUS_TONE[v.status]}>{t(`list.status.${v.status}`)}</Badge>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState
              title={t("list.noSchemes")}
              hint={t("list.noSchemesHint")}
              action={
                <Button asChild size="sm">
                  <Link href="/assessment/new">{ts("new")}</Link>
                </Button>
              }
            />
          )}
        </Card>
        <Card>
          <CardHeader title={t("list.results")} />
          {results.length ? (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="assessment-own-results">
              {results.map((r) => (
                <li key={r.resultId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <Link
                    href={`/assessment/results/${r.resultId}/units/${user.orgId}`}
                    className="font-medium text-brand-700 hover:underline"
                    data-testid={`assess-own-result-${r.resultId}`}
                  >
                    {r.orgName} · {r.year} · {r.title}
                  </Link>
                  <span className="tabular-nums text-slate-600">
                    {t("list.score", { total: r.total, rank: r.rank })} ·{" "}
                    {t(`grade.${r.grade}` as "grade.PASS")} · {t("list.asOf", { day: formatDay(r.asOf) })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t("list.noResults")} />
          )}
        </Card>
      </div>
    </>
  );
}
