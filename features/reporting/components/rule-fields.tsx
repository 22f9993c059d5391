"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/field";
import { useFieldError } from "@/lib/i18n/use-field-error";
import type { TFrequency } from "../lib/periods";
import { REPORT_FREQUENCIES } from "../schemas";

export type TRuleFieldName = "frequency" | "dueDay" | "startDate" | "endDate";
type TErr = { message?: unknown } | undefined;

/** A rule field's error text: reportingRules.validation.* first, then the shared validation.* codes. */
function useRuleFieldText() {
  const t = useTranslations("reportingRules");
  const shared = useFieldError();
  return (err: TErr) => {
    const code = typeof err?.message === "string" ? err.message : "";
    return code && t.has(`validation.${code}`)
      ? t(`validation.${code}` as "validation.endBeforeStart")
      : shared(err as Parameters<typeof shared>[0]);
  };
}

/**
 * The four fields of a 定期报送 rule (frequency, due day, start, end), for the plan edit page's card
 * and the 下达 form; `register` maps each to the host form's own field path.
 */
export function RuleFields({
  idPrefix,
  register,
  errors,
  frequency,
}: {
  idPrefix: string;
  register: (name: TRuleFieldName) => UseFormRegisterReturn;
  errors: Partial<Record<TRuleFieldName, TErr>> | undefined;
  frequency: TFrequency;
}) {
  const t = useTranslations("reportingRules");
  const fieldText = useRuleFieldText();
  const id = (n: TRuleFieldName) => `${idPrefix}-${n}`;
  return (
    <>
      <Field id={id("frequency")} label={t("field.frequency")} error={fieldText(errors?.frequency)}>
        <Select id={id("frequency")} {...register("frequency")}>
          {REPORT_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`frequency.${f}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id={id("dueDay")}
        label={t("field.dueDay")}
        hint={t(`dueDayHint.${frequency}`)}
        error={fieldText(errors?.dueDay)}
      >
        <Input id={id("dueDay")} type="number" inputMode="numeric" min={1} max={31} {...register("dueDay")} />
      </Field>
      <Field id={id("startDate")} label={t("field.startDate")} error={fieldText(errors?.startDate)}>
        <Input id={id("startDate")} type="date" {...register("startDate")} />
      </Field>
      <Field id={id("endDate")} label={t("field.endDate")} error={fieldText(errors?.endDate)}>
        <Input id={id("endDate")} type="date" {...register("endDate")} />
      </Field>
    </>
  );
}
