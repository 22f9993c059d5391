"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { TActionResult } from "@/lib/errors";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { ZReasoned } from "../schemas";
import { useTaskAction } from "./use-task-action";

type TReasoned = z.input<typeof ZReasoned>;

/** 退回 / 撤销: a required reason. */
export function ReasonForm({
  taskId,
  version,
  action,
  submitLabel,
  onDone,
}: {
  taskId: number;
  version: number;
  action: (v: unknown) => Promise<TActionResult<unknown>>;
  submitLabel: string;
  onDone: () => void;
}) {
  const t = useTranslations("tasks.form");
  const fieldError = useFieldError();
  const form = useForm<TReasoned>({
    resolver: zodResolver(ZReasoned),
    defaultValues: { taskId, version, reason: "" },
  });
  const run = useTaskAction(form.setError);
  const { errors, isSubmitting } = form.formState;
  return (
    <form noValidate onSubmit={form.handleSubmit((v) => run(action(v), onDone))} className="grid gap-3">
      <Field id="reason" label={t("reason")} error={fieldError(errors.reason)}>
        <textarea
          id="reason"
          rows={3}
          placeholder={t("reasonPlaceholder")}
          aria-invalid={!!errors.reason}
          className="w-full rounded-md border border-slate-300 p-2 text-sm"
          {...form.register("reason")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {submitLabel}
      </Button>
    </form>
  );
}
