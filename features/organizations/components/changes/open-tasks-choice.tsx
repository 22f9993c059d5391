"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { previewOrgChangeAction } from "../../actions";

type TPreview = { open: number; submitted: number; collisions: number };

/**
 * The explicit choice for the org's open tasks: how many there are (and how many await review or
 * collide with the successor's), then transfer or cancel; cancelling asks for the reason.
 */
export function OpenTasksChoice({
  orgId,
  successorId,
  transferLabel,
  choice,
  choiceField,
  reasonField,
  reasonError,
  choiceError,
}: {
  orgId: number;
  successorId?: number;
  transferLabel: string;
  choice: "transfer" | "cancel" | undefined;
  choiceField: UseFormRegisterReturn;
  reasonField?: UseFormRegisterReturn;
  reasonError?: string;
  choiceError?: string;
}) {
  const t = useTranslations("orgChanges.tasks");
  const [preview, setPreview] = useState<TPreview | null>(null);
  useEffect(() => {
    let live = true;
    void previewOrgChangeAction({ orgId, ...(successorId ? { successorId } : {}) }).then((r) => {
      if (live && r.ok) setPreview(r.data);
    });
    return () => {
      live = false;
    };
  }, [orgId, successorId]);
  return (
    <fieldset className="grid gap-2 rounded-md border border-slate-200 p-3" data-testid="open-tasks-choice">
      <legend className="px-1 text-sm font-medium text-slate-700">{t("legend")}</legend>
      <p className="text-sm text-slate-800" data-testid="open-task-count">
        {preview ? t("count", { count: preview.open }) : "…"}
      </p>
      {preview?.submitted ? (
        <p className="text-xs text-amber-800">{t("submitted", { count: preview.submitted })}</p>
      ) : null}
      {preview?.collisions ? (
        <p className="text-xs text-amber-800">{t("collisions", { count: preview.collisions })}</p>
      ) : null}
      <label className="flex items-start gap-2 text-sm">
        <input
          type="radio"
          value="transfer"
          className="mt-0.5 size-4 shrink-0 accent-brand-600"
          {...choiceField}
        />
        <span>{transferLabel}</span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="radio"
          value="cancel"
          className="mt-0.5 size-4 shrink-0 accent-brand-600"
          {...choiceField}
        />
        <span>{t("cancel")}</span>
      </label>
      {choiceError ? (
        <p role="alert" className="text-xs text-red-700">
          {choiceError}
        </p>
      ) : null}
      {choice === "cancel" && reasonField ? (
        <Field id="org-task-reason" label={t("reason")} error={reasonError}>
          <textarea
            id="org-task-reason"
            rows={2}
            placeholder={t("reasonPlaceholder")}
            aria-invalid={!!reasonError}
            className="w-full rounded-md border border-slate-300 p-2 text-sm"
            {...reasonField}
          />
        </Field>
      ) : null}
    </fieldset>
  );
}
