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

/** Sub-tasks (分解) not signed yet (incl. handed back) and signed but not completed. */
export type TOpenChildren = { unsigned: number; open: number };

/**
 * 办结上报: a summary and evidence; goes to the assigning org's review queue. A task passed down
 * with sub-tasks still unsigned or open asks for a confirmation first (the server allows it).
 */
export function CompletionForm({
  taskId,
  version,
  onDone,
  openChildren,
}: {
  taskId: number;
  version: number;
  onDone: () => void;
  openChildren?: TOpenChildren;
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
  const warn = openChildren && openChildren.unsigned + openChildren.open > 0;
  const [confirmed, setConfirmed] = useState(false);
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
      {warn ? (
        <div
          role="alert"
          className="grid gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="open-children-warning"
        >
          <p>{t("form.openChildren", openChildren)}</p>
          <label className="flex items-center gap-2 font-medium">
            <input
              type="checkbox"
              className="size-4 accent-brand-600"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
            />
            {t("form.openChildrenConfirm")}
          </label>
        </div>
      ) : null}
      <Button type="submit" disabled={isSubmitting || uploading || (warn && !confirmed)}>
        {t("action.submit")}
      </Button>
    </form>
  );
}
