"use client";
import { useTranslations } from "next-intl";
import { useFieldError } from "@/lib/i18n/use-field-error";

/** A field error code as text: the indicator codes (taken, inUse) first, then the shared validation ones. */
export function useIndicatorFieldText() {
  const t = useTranslations("indicators.validation");
  const shared = useFieldError();
  return (err: { message?: unknown } | undefined) => {
    const code = typeof err?.message === "string" ? err.message : "";
    return code && t.has(code) ? t(code as "taken") : shared(err);
  };
}
