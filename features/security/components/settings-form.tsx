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
import { updateSecuritySettingsAction } from "../actions";
import { SECURITY_SETTING_BOUNDS, ZSecuritySettings, type TSecuritySettings } from "../schemas";

type TKey = keyof TSecuritySettings;
const GROUPS: { title: "groupLogin" | "groupPassword" | "groupSession"; keys: TKey[] }[] = [
  {
    title: "groupLogin",
    keys: ["lockSourceFailures", "lockAccountFailures", "lockMinutes", "ipMaxFailures", "ipWindowMinutes"],
  },
  { title: "groupPassword", keys: ["passwordMaxAgeDays", "passwordHistory"] },
  { title: "groupSession", keys: ["sessionIdleMinutes", "sessionMaxHours"] },
];

/** The 安全管理员's settings, checked by the same schema (and bounds) as the action. */
export function SecuritySettingsForm({ values }: { values: TSecuritySettings }) {
  const t = useTranslations("securitySettings");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<z.input<typeof ZSecuritySettings>, unknown, TSecuritySettings>({
    resolver: zodResolver(ZSecuritySettings),
    defaultValues: values,
  });
  const feedback = useActionFeedback(form.setError);
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = form.handleSubmit(async (data) => {
    const result = await updateSecuritySettingsAction(data);
    if (!feedback(result) || !result.ok) return;
    const count = result.data.changed.length;
    if (count) toast.success(t("saved", { count }));
    else toast.info(t("unchanged"));
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 p-4" data-testid="security-settings-form">
      {GROUPS.map((g) => (
        <fieldset key={g.title} className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">{t(g.title)}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {g.keys.map((key) => {
              const [min, max] = SECURITY_SETTING_BOUNDS[key];
              return (
                <Field
                  key={key}
                  id={`setting-${key}`}
                  label={t(`fields.${key}`)}
                  hint={t("range", { low: min, high: max })}
                  error={fieldError(errors[key])}
                >
                  <Input
                    id={`setting-${key}`}
                    type="number"
                    inputMode="numeric"
                    min={min}
                    max={max}
                    step={1}
                    aria-invalid={!!errors[key]}
                    {...register(key)}
                  />
                </Field>
              );
            })}
          </div>
        </fieldset>
      ))}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
