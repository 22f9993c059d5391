"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { saveWarningSettingAction } from "../actions";
import { ZWarningSetting, type TWarningSettingInput } from "../schemas";
import { DUE_SOON_DAYS_MAX, LAG_POINTS_MAX } from "../lib/light";

const FIELDS = [
  { key: "dueSoonDays", max: DUE_SOON_DAYS_MAX, hint: "dueSoonHint" },
  { key: "lagPoints", max: LAG_POINTS_MAX, hint: "lagHint" },
] as const;

/** N and X of the org's warning lights, checked by the action's schema. */
export function WarningSettingsForm({ values }: { values: TWarningSettingInput }) {
  const t = useTranslations("lights.settings");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<z.input<typeof ZWarningSetting>, unknown, TWarningSettingInput>({
    resolver: zodResolver(ZWarningSetting),
    defaultValues: values,
  });
  const feedback = useActionFeedback(form.setError);
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const onSubmit = form.handleSubmit(async (data) => {
    const result = await saveWarningSettingAction(data);
    if (!feedback(result) || !result.ok) return;
    toast.success(t("saved", { count: result.data.relit }));
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 p-4" data-testid="warning-settings-form">
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <Field
            key={f.key}
            id={`warning-${f.key}`}
            label={t(f.key)}
            hint={t(f.hint)}
            error={fieldError(errors[f.key])}
          >
            <Input
              id={`warning-${f.key}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={f.max}
              step={1}
              aria-invalid={!!errors[f.key]}
              {...register(f.key)}
            />
          </Field>
        ))}
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {t("save")}
      </Button>
    </form>
  );
}
