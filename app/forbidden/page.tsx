import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("forbidden.title");

export default async function ForbiddenPage() {
  const t = await getTranslations();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-5xl font-bold text-brand-600">403</p>
      <h1 className="text-xl font-semibold">{t("forbidden.title")}</h1>
      <p className="text-slate-600">{t("forbidden.body")}</p>
      <Link href="/" className="text-brand-700 hover:underline">
        {t("forbidden.home")}
      </Link>
    </main>
  );
}
