"use client";
import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { toast } from "sonner";
import type { TActionResult } from "@/lib/errors";

/**
 * Turns a failed action result into form feedback: known field errors go to
 * their fields (setError), everything else becomes a translated toast.
 */
export function useActionFeedback<F extends FieldValues>(setError?: UseFormSetError<F>) {
  const t = useTranslations("errors");
  return (result: TActionResult<unknown>): boolean => {
    if (result.ok) return true;
    const fields = Object.entries(result.fieldErrors ?? {});
    if (setError && fields.length) {
      for (const [field, code] of fields)
        setError(field as Path<F>, { type: "server", message: code }, { shouldFocus: true });
      if (result.code !== "VALIDATION" && result.code !== "USERNAME_TAKEN") toast.error(t(result.code));
    } else {
      toast.error(t(result.code));
    }
    return false;
  };
}
