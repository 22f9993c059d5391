"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { TActionResult } from "@/lib/errors";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { INDICATOR_AGGREGATIONS, INDICATOR_DIRECTIONS, ZIndicatorFields } from "../schemas";
import { useIndicatorFieldText } from "./use-indicator-text";

type TInput = z.input<typeof ZIndicatorFields>;
type TOutput = z.output<typeof ZIndicatorFields>;

/** Add or edit one indicator of a measure: name, unit, how it adds up, direction. */
export function IndicatorForm({
  idPrefix,
  initial,
  onSubmit,
  onCancel,
  lockAggregation = false,
}: {
  idPrefix: string;
  initial?: TInput;
  onSubmit: (v: TOutput) => Promise<TActionResult<unknown>>;
  onCancel: () => void;
  lockAggregation?: boolean;
}) {
  const t = useTranslations("indicators");
  const fieldText = useIndicatorFieldText();
  const form = useForm<TInput, unknown, TOutput>({
    resolver: zodResolver(ZIndicatorFields),
    defaultValues: initial ?? { name: "", unit: "", aggregation: "SUM", direction: "HIGHER" },
  });
  const feedback = useActionFeedback(form.setError);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    if (feedback(await onSubmit(v))) onCancel();
  });
  const id = (f: string) => `${idPrefix}-${f}`;
  return (
    <form noValidate onSubmit={submit} className="mt-2 grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-2">
      <Field id={id("name")} label={t("field.name")} error={fieldText(errors.name)}>
        <Input id={id("name")} placeholder={t("namePlaceholder")} maxLength={60} {...form.register("name")} />
      </Field>
      <Field id={id("unit")} label={t("field.unit")} error={fieldText(errors.unit)}>
        <Input id={id("unit")} placeholder={t("unitPlaceholder")} maxLength={20} {...form.register("unit")} />
      </Field>
      <Field id={id("aggregation")} label={t("field.aggregation")} error={fieldText(errors.aggregation)}>
        <Select id={id("aggregation")} disabled={lockAggregation} {...form.register("aggregation")}>
          {INDICATOR_AGGREGATIONS.map((a) => (
            <option key={a} value={a}>
              {t(`aggregation.${a}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={id("direction")} label={t("field.direction")} error={fieldText(errors.direction)}>
        <Select id={id("direction")} {...form.register("direction")}>
          {INDICATOR_DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`direction.${d}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {t("save")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
