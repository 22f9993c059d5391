import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("notFound.title");

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <div className="flex min-h-[60dvh] flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-5xl font-bold text-brand-600">404</p>
      <h1 className="text-xl font-semibold">{t("notFound.title")}</h1>
      <p className="text-slate-600">{t("notFound.body")}</p>
      <Link href="/" className="text-brand-700 hover:underline">
        {t("notFound.home")}
      </Link>
    </div>
  );
}
