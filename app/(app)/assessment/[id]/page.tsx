import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { NewVersionButton } from "@/features/assessment/components/new-version-button";
import { SchemeForm, type TSchemeFormInput } from "@/features/assessment/components/scheme-form";
import { SchemeSummary } from "@/features/assessment/components/scheme-summary";
import { ResultList } from "@/features/assessment/components/result-list";
import { SchemeVersions } from "@/features/assessment/components/scheme-versions";
import { getSchemeFormOptions, getSchemeView } from "@/features/assessment/server/scheme-view";
import { listSchemeResults } from "@/features/assessment/server/scores-read";
import { requirePagePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("assessmentSchemes.titleFallback");

export default async function SchemePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("assessment:manage");
  const id = parseId((await params).id);
  const view =
    id === null
      ? null
      : await getSchemeView(user, id).catch((e) =>
          isAppError(e) && e.code === "NOT_FOUND" ? null : Promise.reject(e),
        );
  if (!view) notFound();
  const t = await getTranslations("assessmentSchemes");
  const ta = await getTranslations("assessment");
  const { scheme, runs } = view;
  const editable = runs && scheme.status === "DRAFT";
  const [options, results] = await Promise.all([
    editable ? getSchemeFormOptions(user) : null,
    listSchemeResults(user, scheme.id),
  ]);
  const tr = await getTranslations("assessmentResults");
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb")}
        items={[{ label: t("crumb"), href: "/assessment" }, { label: scheme.title }]}
      />
      <PageHeader
        title={scheme.title}
        description={t("headline", {
          year: scheme.year,
          version: scheme.version,
          status: ta(`list.status.${scheme.status}`),
        })}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href={`/assessment/${scheme.id}/scores`}>{t("viewScores")}</Link>
            </Button>
            {runs && scheme.status === "PUBLISHED" ? <NewVersionButton schemeId={scheme.id} /> : null}
          </>
        }
      />
      <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
        <div className="grid min-w-0 content-start gap-4">
          {editable && options ? (
            <Card>
              <CardHeader title={t("form")} />
              <SchemeForm
                schemeId={scheme.id}
                defaults={{
                  title: scheme.title,
                  year: scheme.year,
                  scope: scheme.scope,
                  level: (scheme.level ?? "") as TSchemeFormInput["level"],
                  planId: scheme.planId === null ? "" : String(scheme.planId),
                  rules: scheme.rules,
                }}
                {...options}
              />
            </Card>
          ) : (
            <p role="status" className="rounded-md bg-slate-50 p-3 text-sm text-slate-600">
              {runs ? t("readOnly") : t("readOnlyAbove", { org: view.orgName })}
            </p>
          )}
          {!editable ? (
            <Card>
              <CardHeader title={t("summary")} />
              <SchemeSummary {...scheme} planTitle={view.planTitle} indicatorNames={view.indicatorNames} />
            </Card>
          ) : null}
        </div>
        <div className="grid min-w-0 content-start gap-4">
          <Card>
            <CardHeader title={t("versions")} />
            <SchemeVersions current={scheme.id} versions={view.versions} />
          </Card>
          <Card>
            <CardHeader title={tr("results.title")} />
            <ResultList results={results} />
          </Card>
          {editable ? (
            <Card>
              <CardHeader title={t("summary")} />
              <SchemeSummary {...scheme} planTitle={view.planTitle} indicatorNames={view.indicatorNames} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
