"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { reassignTaskAction, requestExtensionAction } from "../actions";
import { ZReassign, ZRequestExtension } from "../schemas";
import { useTaskAction } from "./use-task-action";

/** 延期申请: a later due date and a reason. */
export function ExtensionRequestForm({
  taskId,
  version,
  minDue,
  onDone,
}: {
  taskId: number;
  version: number;
  minDue: string;
  onDone: () => void;
}) {
  const t = useTranslations("tasks.form");
  const fieldError = useFieldError();
  const [clientToken] = useState(() => crypto.randomUUID());
  const form = useForm<z.input<typeof ZRequestExtension>>({
    resolver: zodResolver(ZRequestExtension),
    defaultValues: { taskId, version, clientToken, toDue: "", reason: "" },
  });
  const run = useTaskAction(form.setError);
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((v) => run(requestExtensionAction(v), onDone))}
      className="grid gap-3"
    >
      <Field id="toDue" label={t("toDue")} error={fieldError(errors.toDue)}>
        <Input
          id="toDue"
          type="date"
          min={minDue}
          aria-invalid={!!errors.toDue}
          {...form.register("toDue")}
        />
      </Field>
      <Field id="ext-reason" label={t("reason")} error={fieldError(errors.reason)}>
        <textarea
          id="ext-reason"
          rows={3}
          placeholder={t("reasonPlaceholder")}
          className="w-full rounded-md border border-slate-300 p-2 text-sm"
          {...form.register("reason")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}

/** The assigner sends a handed-back task again, optionally with a new due date. */
export function ReassignForm({
  taskId,
  version,
  onDone,
}: {
  taskId: number;
  version: number;
  onDone: () => void;
}) {
  const t = useTranslations("tasks.form");
  const fieldError = useFieldError();
  const form = useForm<z.input<typeof ZReassign>>({
    resolver: zodResolver(ZReassign),
    defaultValues: { taskId, version, note: "" },
  });
  const run = useTaskAction(form.setError);
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((v) => run(reassignTaskAction(v), onDone))}
      className="grid gap-3"
    >
      <Field id="newDue" label={t("newDue")} error={fieldError(errors.dueDate)}>
        <Input id="newDue" type="date" {...form.register("dueDate")} />
      </Field>
      <Field id="reassign-note" label={t("reason")} error={fieldError(errors.note)}>
        <textarea
          id="reassign-note"
          rows={2}
          className="w-full rounded-md border border-slate-300 p-2 text-sm"
          {...form.register("note")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
