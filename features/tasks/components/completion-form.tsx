"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { EvidenceUploader } from "@/features/evidence/components/evidence-uploader";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { submitCompletionAction } from "../actions";
import { ZSubmitCompletion } from "../schemas";
import { useTaskAction } from "./use-task-action";

/** 办结上报: a summary and evidence; goes to the assigning org's review queue. */
export function CompletionForm({
  taskId,
  version,
  onDone,
}: {
  taskId: number;
  version: number;
  onDone: () => void;
}) {
  const t = useTranslations("tasks");
  const fieldError = useFieldError();
  const [clientToken] = useState(() => crypto.randomUUID());
  const [uploading, setUploading] = useState(false);
  const form = useForm<z.input<typeof ZSubmitCompletion>>({
    resolver: zodResolver(ZSubmitCompletion),
    defaultValues: { taskId, version, clientToken, summary: "", attachmentIds: [] },
  });
  const run = useTaskAction(form.setError);
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((v) => run(submitCompletionAction(v), onDone))}
      className="grid gap-3"
    >
      <Field id="summary" label={t("form.summary")} error={fieldError(errors.summary)}>
        <textarea
          id="summary"
          rows={5}
          placeholder={t("form.summaryPlaceholder")}
          aria-invalid={!!errors.summary}
          className="w-full rounded-md border border-slate-300 p-2 text-sm"
          {...form.register("summary")}
        />
      </Field>
      <div>
        <p className="mb-1 text-sm font-medium text-slate-700">{t("detail.evidence")}</p>
        <EvidenceUploader
          taskId={taskId}
          purpose="report"
          onChange={(ids) => form.setValue("attachmentIds", ids)}
          onBusyChange={setUploading}
        />
      </div>
      <Button type="submit" disabled={isSubmitting || uploading}>
        {t("action.submit")}
      </Button>
    </form>
  );
}
