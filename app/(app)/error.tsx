"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Never shows the error's text: it may carry internals. The digest lets an admin find the server log line.
export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations();
  return (
    <div role="alert" className="flex flex-col items-center gap-3 py-16 text-center">
      <h1 className="text-xl font-semibold">{t("error.title")}</h1>
      <p className="text-slate-600">{t("error.body")}</p>
      {error.digest ? <p className="font-mono text-xs text-slate-400">{error.digest}</p> : null}
      <Button onClick={reset}>{t("common.retry")}</Button>
    </div>
  );
}
