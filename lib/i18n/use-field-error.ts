"use client";
import { useTranslations } from "next-intl";

/** zod messages are codes ("required", "password" …); this turns one into catalogue text. */
export function useFieldError() {
  const t = useTranslations("validation");
  return (err: { message?: unknown } | undefined): string | undefined => {
    if (!err) return undefined;
    const code = typeof err.message === "string" && err.message ? err.message : "invalid";
    return t.has(code) ? t(code) : t("invalid");
  };
}
