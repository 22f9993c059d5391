"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { EvidenceUploader } from "@/features/evidence/components/evidence-uploader";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { logProgressAction } from "../actions";
import { PROGRESS_STATES, ZLogProgress } from "../schemas";
import { useTaskAction } from "./use-task-action";
import { IndicatorValueFields } from "@/features/indicators/components/indicator-value-fields";
import type { TTaskIndicatorRow } from "@/features/indicators/server/task-indicators";

type TInput = z.input<typeof ZLogProgress>;

/** 进展填报, phone first: percent, state, notes, an optional quantity and evidence. */
export function ProgressForm({
  taskId,
  version,
  current,
  hasTarget,
  targetUnit,
  derived = false,
  indicators = [],
}: {
  taskId: number;
  version: number;
  current: { percent: number; state: (typeof PROGRESS_STATES)[number] };
  /** The task was passed down: its percent follows its children and is shown, not entered. */
  derived?: boolean;
  hasTarget: boolean;
  targetUnit: string | null;
  /** The indicators of the task's measure (cumulative values reported with the update). */
  indicators?: TTaskIndicatorRow[];
}) {
  const t = useTranslations("tasks");
  const p = useTranslations("punct");
  const fieldError = useFieldError();
  const router = useRouter();
  const [clientToken] = useState(() => crypto.randomUUID());
  const [uploading, setUploading] = useState(false);
  const form = useForm<TInput>({
    resolver: zodResolver(ZLogProgress),
    defaultValues: {
      taskId,
      version,
      clientToken,
      percent: current.percent,
      state: current.state,
      narrative: "",
      attachmentIds: [],
    },
  });
  const run = useTaskAction(form.setError);
  const { errors, isSubmitting } = form.formState;
  const percent = form.watch("percent");
  const submit = form.handleSubmit((v) => run(logProgressAction(v), () => router.push(`/tasks/${taskId}`)));
  return (
    <form noValidate onSubmit={submit} className="grid gap-4">
      <Field id="percent" label={t("form.percent")} error={fieldError(errors.percent)}>
        <div className="flex items-center gap-3">
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            aria-label={t("form.percent")}
            disabled={derived}
            className="flex-1 accent-brand-600 disabled:opacity-50"
            value={Number(percent) || 0}
            onChange={(e) => form.setValue("percent", Number(e.target.value))}
          />
          <Input
            id="percent"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            className="w-20"
            readOnly={derived}
            aria-invalid={!!errors.percent}
            aria-describedby={derived ? "percent-derived" : undefined}
            {...form.register("percent")}
          />
        </div>
        {derived ? (
          <p id="percent-derived" className="mt-1 text-xs text-slate-600">
            {t("form.percentDerived")}
          </p>
        ) : null}
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("form.state")}</legend>
        <div className="grid grid-cols-3 gap-2">
          {PROGRESS_STATES.map((s) => (
            <label
              key={s}
              className="flex min-h-11 cursor-pointer items-center justify-center gap-1.5 rounded-md border border-slate-300 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:text-brand-700"
            >
              <input type="radio" value={s} className="sr-only" {...form.register("state")} />
              {t(`state.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="narrative" label={t("form.narrative")} error={fieldError(errors.narrative)}>
        <textarea
          id="narrative"
          rows={4}
          placeholder={t("form.narrativePlaceholder")}
          aria-invalid={!!errors.narrative}
          className="w-full rounded-md border border-slate-300 p-2 text-sm"
          {...form.register("narrative")}
        />
      </Field>
      {hasTarget ? (
        <Field
          id="value"
          label={`${t("form.value")}${targetUnit ? p("paren", { text: targetUnit }) : ""}`}
          error={fieldError(errors.value)}
        >
          <Input
            id="value"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            {...form.register("value")}
          />
        </Field>
      ) : null}
      <IndicatorValueFields
        indicators={indicators}
        derived={derived}
        setValue={form.setValue}
        errors={errors}
      />
      <div>
        <p className="mb-1 text-sm font-medium text-slate-700">{t("detail.evidence")}</p>
        <EvidenceUploader
          taskId={taskId}
          purpose="progress"
          onChange={(ids) => form.setValue("attachmentIds", ids)}
          onBusyChange={setUploading}
        />
      </div>
      <Button type="submit" disabled={isSubmitting || uploading} className="h-12">
        {t("action.logProgress")}
      </Button>
    </form>
  );
}
