import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { AuditFilterForm } from "@/features/audit/components/audit-filter-form";
import { AuditList } from "@/features/audit/components/audit-list";
import { ZAuditFilter, auditQueryInput, type TAuditFilter } from "@/features/audit/schemas";
import { listAudit } from "@/features/audit/server/list-audit";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("audit.title");

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requirePagePermission("audit:read");
  const t = await getTranslations();
  const sp = new URLSearchParams(await searchParams);
  const parsed = ZAuditFilter.safeParse(auditQueryInput(sp));
  const filter: TAuditFilter = parsed.success ? parsed.data : {};
  const page = await listAudit(filter);
  const { cursor, ...rest } = filter;
  const params = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v ? String(v) : undefined]));
  const exportHref = (format: "csv" | "xlsx") =>
    `/api/audit/export?${new URLSearchParams({ ...(Object.fromEntries(Object.entries(params).filter(([, v]) => v)) as Record<string, string>), format })}`;
  return (
    <>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description")}
        actions={(["xlsx", "csv"] as const).map((f) => (
          <a
            key={f}
            href={exportHref(f)}
            className="inline-flex h-10 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            <Download className="size-4" aria-hidden />
            {f === "csv" ? t("audit.exportCsv") : t("audit.exportXlsx")}
          </a>
        ))}
      />
      <Card className="mb-4">
        <AuditFilterForm filter={filter} />
        {!parsed.success ? (
          <p role="alert" className="px-4 pb-3 text-sm text-red-700">
            {t("audit.filter.invalid")}
          </p>
        ) : null}
      </Card>
      <Card>
        {page.items.length ? (
          <AuditList rows={page.items} />
        ) : (
          <EmptyState title={t("audit.empty")} hint={t("audit.emptyHint")} />
        )}
        <Pager
          basePath="/audit"
          params={params}
          nextCursor={page.nextCursor}
          isFirst={!cursor}
          labels={{ first: t("common.first"), next: t("common.next") }}
        />
      </Card>
    </>
  );
}
