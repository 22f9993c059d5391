import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listOwnResults, listOwnSchemes } from "@/features/assessment/server/list";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("assessment.title");

export default async function AssessmentPage() {
  const user = await requirePagePermission("assessment:manage");
  const t = await getTranslations("assessment");
  const [schemes, results] = await Promise.all([listOwnSchemes(user), listOwnResults(user)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4">
        <Card>
          <CardHeader title={t("list.schemes")} />
          {schemes.length ? (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="assessment-schemes">
              {schemes.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <span className="font-medium text-slate-800">
                    {s.year} · {s.title}
                  </span>
                  <span className="text-slate-500">
                    {t("list.version", { version: s.version })} · {t(`list.status.${s.status}`)} ·{" "}
                    {t(`scope.${s.scope}`)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={t("list.noSchemes")} hint={t("list.noSchemesHint")} />
          )}
        </Card>
        <Card>
          <CardHeader title={t("list.results")} />
          {results.length ? (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="assessment-own-results">
              {results.map((r) => (
                <li key={r.resultId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <span className="font-medium text-slate-800">
                    {r.orgName} · {r.year} · {r.title}
                  </span>
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
