import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-3 py-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-7 w-48 rounded bg-slate-200" />
      <div className="h-10 w-full rounded bg-slate-200" />
      <div className="h-40 w-full rounded bg-slate-200" />
    </div>
  );
}
