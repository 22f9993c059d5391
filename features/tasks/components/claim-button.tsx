"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { claimTaskAction } from "../actions";
import { ZClaimTask } from "../schemas";
import { ActionDialog } from "./action-dialog";
import { useTaskAction } from "./use-task-action";

/** 认领 one measure: a planned completion date and an optional plan. */
export function ClaimButton({
  objectiveId,
  title,
  minDue,
}: {
  objectiveId: number;
  title: string;
  minDue: string;
}) {
  const t = useTranslations("tasks.claimPage");
  const fieldError = useFieldError();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<z.input<typeof ZClaimTask>>({
    resolver: zodResolver(ZClaimTask),
    defaultValues: { objectiveId, dueDate: "", note: "" },
  });
  const run = useTaskAction(form.setError);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    const result = await claimTaskAction(v);
    await run(Promise.resolve(result), () => setOpen(false));
    if (result.ok) router.push(`/tasks/${result.data.taskId}`);
  });
  return (
    <ActionDialog
      label={t("claim")}
      title={t("claim")}
      description={title}
      open={open}
      onOpenChange={setOpen}
      testId={`claim-${objectiveId}`}
    >
      <form noValidate onSubmit={submit} className="grid gap-3">
        <Field id={`due-${objectiveId}`} label={t("due")} error={fieldError(errors.dueDate)}>
          <Input
            id={`due-${objectiveId}`}
            type="date"
            min={minDue}
            aria-invalid={!!errors.dueDate}
            {...form.register("dueDate")}
          />
        </Field>
        <Field id={`note-${objectiveId}`} label={t("note")} error={fieldError(errors.note)}>
          <textarea
            id={`note-${objectiveId}`}
            rows={3}
            className="w-full rounded-md border border-slate-300 p-2 text-sm"
            {...form.register("note")}
          />
        </Field>
        <Button type="submit" disabled={isSubmitting}>
          {t("claim")}
        </Button>
      </form>
    </ActionDialog>
  );
}
