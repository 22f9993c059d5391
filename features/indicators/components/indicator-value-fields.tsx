"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { FieldErrors, UseFormSetValue } from "react-hook-form";
import { Input } from "@/components/ui/field";
import type { TLogProgress } from "@/features/tasks/schemas";
import { useFieldError } from "@/lib/i18n/use-field-error";
import type { TTaskIndicatorRow } from "../server/task-indicators";

type TForm = { indicatorValues?: { indicatorId: unknown; value: unknown }[] };
type TValues = TLogProgress["indicatorValues"];

/**
 * 进展填报: one field per indicator of the task's measure, the cumulative value (prefilled with
 * the current one), sent as `indicatorValues` (empty fields are not sent). A task passed down
 * shows its derived values read-only and sends none.
 */
export function IndicatorValueFields<F extends TForm>({
  indicators,
  derived,
  setValue,
  errors,
}: {
  indicators: TTaskIndicatorRow[];
  derived: boolean;
  setValue: UseFormSetValue<F>;
  errors: FieldErrors<F>;
}) {
  const t = useTranslations("indicators.progress");
  const fieldError = useFieldError();
  const live = indicators.filter((i) => !i.retired);
  const [raw, setRaw] = useState<Record<number, string>>(() =>
    Object.fromEntries(live.map((i) => [i.id, i.actual === null ? "" : String(i.actual)])),
  );
  const sent = derived ? [] : live.filter((i) => (raw[i.id] ?? "").trim() !== "");
  const key = JSON.stringify(sent.map((i) => [i.id, raw[i.id]]));
  useEffect(() => {
    const pairs = JSON.parse(key) as [number, string][];
    const v = pairs.map(([indicatorId, value]) => ({ indicatorId, value: value.trim() }));
    (setValue as unknown as UseFormSetValue<{ indicatorValues?: TValues | typeof v }>)(
      "indicatorValues",
      v.length ? v : undefined,
    );
  }, [key, setValue]);
  if (live.length === 0) return null;
  const errs = (errors as FieldErrors<TForm>).indicatorValues as
    { value?: { message?: string } }[] | undefined;
  return (
    <fieldset className="grid gap-3" data-testid="indicator-values">
      <legend className="text-sm font-medium text-slate-700">{t("title")}</legend>
      <p className="text-xs text-slate-500">{derived ? t("derived") : t("hint")}</p>
      {live.map((i) => {
        const k = sent.findIndex((s) => s.id === i.id);
        const error = k >= 0 ? fieldError(errs?.[k]?.value) : undefined;
        const id = `indicator-${i.id}`;
        return (
          <div key={i.id} className="grid gap-1">
            <label htmlFor={id} className="text-sm text-slate-700">
              {t("value", { name: i.name, unit: i.unit })}
            </label>
            <Input
              id={id}
              type="text"
              inputMode="decimal"
              readOnly={derived}
              aria-invalid={!!error}
              aria-describedby={`${id}-target`}
              value={raw[i.id] ?? ""}
              onChange={(e) => setRaw((r) => ({ ...r, [i.id]: e.target.value }))}
            />
            <p id={`${id}-target`} className="text-xs text-slate-500">
              {i.target === null ? null : t("target", { target: i.target, unit: i.unit })}
            </p>
            {error ? (
              <p role="alert" className="text-xs text-red-700">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
