import { getTranslations } from "next-intl/server";

// While a 考评 page (the list, a scheme, a new scheme) loads: a quiet placeholder, no layout jump.
export default async function AssessmentLoading() {
  const t = await getTranslations("common");
  return (
    <div role="status" aria-live="polite" className="grid gap-4">
      <div className="h-8 w-48 max-w-full animate-pulse rounded bg-slate-200" />
      <div className="h-40 w-full animate-pulse rounded-lg bg-slate-100" />
      <span className="text-sm text-slate-500">{t("loading")}</span>
    </div>
  );
}
