"use client";
import { useTranslations } from "next-intl";
import { get, type FieldErrors, type FieldValues } from "react-hook-form";
import { useFieldError } from "@/lib/i18n/use-field-error";

/** A scheme field's error text by its path: assessmentSchemes.validation.* first, then validation.*. */
export function useSchemeFieldText<F extends FieldValues>(errors: FieldErrors<F>) {
  const t = useTranslations("assessmentSchemes.validation");
  const shared = useFieldError();
  return (path: string): string | undefined => {
    const err = get(errors, path) as { message?: unknown } | undefined;
    if (!err || typeof err.message !== "string") return undefined;
    return t.has(err.message) ? t(err.message as "plan") : shared(err);
  };
}
