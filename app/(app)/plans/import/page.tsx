import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ImportForm } from "@/features/plan-import/components/import-form";
import { listDrafts, listIssuers } from "@/features/plan-import/server/get-draft";
import { requirePagePermission } from "@/lib/auth/session";
import { formatChinaDateTime } from "@/lib/dates";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("planImport.title");

export default async function PlanImportPage() {
  const user = await requirePagePermission("plan:manage");
  const t = await getTranslations("planImport");
  const [issuers, drafts] = await Promise.all([listIssuers(user), listDrafts(user)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card className="p-4">
          <ImportForm issuers={issuers} />
        </Card>
        <Card>
          <CardHeader title={t("drafts")} />
          {drafts.length === 0 ? (
            <p className="p-4 text-sm text-slate-500">{t("noDrafts")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="plan-drafts">
              {drafts.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-800">{d.title}</p>
                    <p className="text-xs text-slate-500">
                      {d.issuingOrg.name} · {t("updatedAt", { time: formatChinaDateTime(d.updatedAt) })}
                    </p>
                  </div>
                  <Link href={`/plans/import/${d.id}`} className="text-sm text-brand-700 hover:underline">
                    {t("continue")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
