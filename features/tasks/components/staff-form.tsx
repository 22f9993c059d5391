"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { assignStaffAction } from "../actions";
import { ZAssignStaff } from "../schemas";
import { useTaskAction } from "./use-task-action";

export type TStaffOption = { id: number; name: string };

/** 承办: one responsible person and optional helpers, from the org's own staff. */
export function StaffForm({
  taskId,
  version,
  staff,
  current,
  onDone,
}: {
  taskId: number;
  version: number;
  staff: TStaffOption[];
  current: { responsibleId: number | null; helperIds: number[] };
  onDone: () => void;
}) {
  const t = useTranslations("tasks.form");
  const fieldError = useFieldError();
  const form = useForm<z.input<typeof ZAssignStaff>>({
    resolver: zodResolver(ZAssignStaff),
    defaultValues: {
      taskId,
      version,
      responsibleId: current.responsibleId ?? staff[0]?.id,
      helperIds: current.helperIds,
    },
  });
  const run = useTaskAction(form.setError);
  const { errors, isSubmitting } = form.formState;
  if (staff.length === 0) return <p className="text-sm text-slate-600">{t("noStaff")}</p>;
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((v) =>
        run(assignStaffAction({ ...v, helperIds: (v.helperIds ?? []).map(Number) }), onDone),
      )}
      className="grid gap-3"
    >
      <Field id="responsibleId" label={t("responsible")} error={fieldError(errors.responsibleId)}>
        <Select id="responsibleId" {...form.register("responsibleId", { valueAsNumber: true })}>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="grid gap-1">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("helpers")}</legend>
        {staff.map((s) => (
          <label key={s.id} className="flex min-h-9 items-center gap-2 text-sm">
            <input
              type="checkbox"
              value={s.id}
              className="size-4 accent-brand-600"
              {...form.register("helperIds")}
            />
            {s.name}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {t("submit")}
      </Button>
    </form>
  );
}
