"use client";
import { useTranslations } from "next-intl";
import { get, type FieldErrors, type FieldValues } from "react-hook-form";
import { useFieldError } from "@/lib/i18n/use-field-error";

/** A results form field's error text: assessmentResults.validation.* first, then validation.*. */
export function useResultsFieldText<F extends FieldValues>(errors: FieldErrors<F>) {
  const t = useTranslations("assessmentResults.validation");
  const shared = useFieldError();
  return (path: string): string | undefined => {
    const err = get(errors, path) as { message?: unknown } | undefined;
    if (!err || typeof err.message !== "string") return undefined;
    return t.has(err.message) ? t(err.message as "notScored") : shared(err);
  };
}
