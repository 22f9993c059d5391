import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("securityAdmin.title");

const SECTIONS = ["permissions", "settings", "locks"] as const;

export default async function SecurityPage() {
  await requirePagePermission("security:manage");
  const t = await getTranslations("securityAdmin");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ul className="grid gap-3 sm:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s}>
            <Link
              href={`/security/${s}`}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
            >
              <span className="block font-semibold text-slate-900">{t(`sections.${s}.title`)}</span>
              <span className="mt-1 block text-sm text-slate-600">{t(`sections.${s}.hint`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
