"use client";
import { useTranslations } from "next-intl";

/** An error code as text: the import's own wording first (file limits), then the shared catalogue. */
export function usePlanErrorText() {
  const own = useTranslations("planImport.errors");
  const shared = useTranslations("errors");
  return (code: string) => (own.has(code) ? own(code) : shared.has(code) ? shared(code) : shared("INTERNAL"));
}

/** A validation code of the plan forms as text: planImport.validation, planEdit.validation, then validation. */
export function usePlanFieldText() {
  const imp = useTranslations("planImport.validation");
  const edit = useTranslations("planEdit.validation");
  const shared = useTranslations("validation");
  return (code: string | undefined) => {
    if (!code) return undefined;
    if (imp.has(code)) return imp(code);
    if (edit.has(code)) return edit(code);
    return shared.has(code) ? shared(code) : shared("invalid");
  };
}
