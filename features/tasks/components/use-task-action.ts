"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import { toast } from "sonner";
import type { TActionResult } from "@/lib/errors";
import { useActionFeedback } from "@/lib/i18n/use-action-result";

/** Runs a task action: on success a toast and a refresh; on failure field errors or a toast. */
export function useTaskAction<F extends FieldValues>(setError?: UseFormSetError<F>) {
  const t = useTranslations("tasks.form");
  const router = useRouter();
  const feedback = useActionFeedback(setError);
  return async (run: Promise<TActionResult<unknown>>, onDone?: () => void): Promise<boolean> => {
    const result = await run;
    if (!feedback(result)) {
      if (!result.ok && (result.code === "CONFLICT" || result.code === "INVALID_TRANSITION"))
        router.refresh();
      return false;
    }
    toast.success(t("done"));
    onDone?.();
    router.refresh();
    return true;
  };
}
