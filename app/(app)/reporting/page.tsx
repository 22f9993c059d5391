import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Download } from "lucide-react";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ReportStatusMissed } from "@/features/reporting/components/report-status-missed";
import { ReportStatusPicker } from "@/features/reporting/components/report-status-picker";
import { ReportStatusTable } from "@/features/reporting/components/report-status-table";
import { periodLabel, ruleLabel } from "@/features/reporting/lib/report-labels";
import { reportingExportHref, reportingHref, ZReportStatusQuery } from "@/features/reporting/lib/view-query";
import { getReportStatus } from "@/features/reporting/server/view-report-status";
import { requirePagePermission } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("reportStatus"))("title") };
}

// 报送情况: per child region, how many periodic reports were due, on time, late and missing (未报
// while the period is open), drilling down by ?org=; at county level the units that missed.
export default async function ReportingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePagePermission("report:read");
  const parsed = ZReportStatusQuery.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const q = parsed.data;
  const orgId = q.org ?? user.orgId;
  const [s, t, tAll] = await Promise.all([
    getReportStatus(user, { orgId, rule: q.rule, period: q.period, page: q.page }),
    getTranslations("reportStatus"),
    getTranslations(),
  ]);
  if (!s) notFound();
  const tt = (key: string, values?: Record<string, string | number>) => tAll(key as never, values as never);
  const ruleId = s.rule?.id;
  const periodId = s.kind === "period" ? s.period.id : undefined;
  const keep = { rule: ruleId, period: periodId };
  const btn =
    "inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50";
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb")}
        items={s.trail.map((o) => ({
          label: o.name,
          href: o.id === s.org.id ? undefined : reportingHref({ org: o.id, ...keep }),
        }))}
      />
      <PageHeader
        title={`${s.org.name} · ${t("title")}`}
        description={t("description", { org: s.org.name })}
        actions={
          s.kind === "period" ? (
            <a href={reportingExportHref({ org: s.org.id, ...keep })} download className={btn}>
              <Download className="size-4" aria-hidden />
              {t("export.link")}
            </a>
          ) : null
        }
      />
      {s.rule ? (
        <ReportStatusPicker
          orgId={s.org.id}
          rules={s.rules.map((r) => ({
            id: r.id,
            label: `${ruleLabel(tt, r)} · ${t("setBy", { org: r.orgName })}${r.retired ? ` · ${t("retired")}` : ""}`,
          }))}
          rule={s.rule.id}
          periods={s.periods.map((p) => ({
            id: p.id,
            label: `${periodLabel(tt, p)} · ${t(`status.${p.status}`)}`,
          }))}
          period={periodId}
        />
      ) : null}
      {s.kind === "empty" ? (
        <EmptyState title={t("empty.title")} hint={s.rule ? t("empty.noPeriod") : t("empty.body")} />
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" data-testid="report-period-note">
            {t(s.closed ? "closedNote" : "openNote")}
          </p>
          <ReportStatusTable
            open={!s.closed}
            rows={s.children.map((c) => ({
              id: c.id,
              name: c.name,
              closed: c.closed,
              href: reportingHref({ org: c.id, ...keep }),
              metrics: c.metrics,
            }))}
            childTotal={s.children.length ? s.childTotal : null}
            own={s.own}
            region={s.region}
          />
          <p className="mt-2 text-xs text-slate-500">{t("chainNote")}</p>
          {s.missed ? (
            <ReportStatusMissed
              missed={s.missed}
              open={!s.closed}
              page={s.page}
              pageHref={(page) => reportingHref({ org: s.org.id, ...keep, page })}
            />
          ) : null}
        </>
      )}
    </>
  );
}
