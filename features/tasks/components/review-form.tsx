"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { reviewCompletionAction } from "../actions";
import { ZReview } from "../schemas";
import { useTaskAction } from "./use-task-action";

type TReviewInput = z.input<typeof ZReview>;

/** 销号 (note optional) or 退办 (reason required). */
export function ReviewForm({
  taskId,
  version,
  decision,
  onDone,
}: {
  taskId: number;
  version: number;
  decision: "APPROVED" | "RETURNED";
  onDone: () => void;
}) {
  const t = useTranslations("tasks");
  const fieldError = useFieldError();
  const form = useForm<TReviewInput>({
    resolver: zodResolver(ZReview),
    defaultValues: { taskId, version, decision, note: "" },
  });
  const run = useTaskAction(form.setError);
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((v) => run(reviewCompletionAction(v), onDone))}
      className="grid gap-3"
    >
      <Field
        id="note"
        label={decision === "APPROVED" ? t("form.approveNote") : t("form.returnNote")}
        error={fieldError(errors.note)}
      >
        <textarea
          id="note"
          rows={3}
          aria-invalid={!!errors.note}
          className="w-full rounded-md border border-slate-300 p-2 text-sm"
          {...form.register("note")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting} variant={decision === "APPROVED" ? "primary" : "danger"}>
        {decision === "APPROVED" ? t("action.approve") : t("action.return")}
      </Button>
    </form>
  );
}
