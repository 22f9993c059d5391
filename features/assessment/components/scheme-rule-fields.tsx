"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { DEDUCTION_KINDS, PRIORITIES, type TRule } from "../schemas";
import type { TIndicatorChoice } from "../server/scheme-view";

// One rule of the scheme form: its kind (fixed once added) and the fields that kind has.

type TProps = {
  index: number;
  kind: TRule["kind"];
  /** Registers a field of this rule by its path inside the rule ("points", "weights.LOW" …). */
  field: (name: string, opts?: { optional?: boolean }) => UseFormRegisterReturn;
  error: (name: string) => string | undefined;
  indicators: TIndicatorChoice[];
  onRemove: () => void;
};

const num = { type: "number", inputMode: "decimal", step: "0.01" } as const;

export function SchemeRuleFields({ index, kind, field, error, indicators, onRemove }: TProps) {
  const t = useTranslations("assessmentSchemes");
  const ta = useTranslations("assessment");
  const id = (n: string) => `sf-r${index}-${n.replace(".", "-")}`;
  const deduction = (DEDUCTION_KINDS as readonly string[]).includes(kind);
  const input = (n: string, label: string, o: { hint?: string; optional?: boolean } = {}) => (
    <Field id={id(n)} label={label} hint={o.hint} error={error(n)}>
      <Input id={id(n)} {...num} aria-invalid={error(n) ? true : undefined} {...field(n, o)} />
    </Field>
  );
  return (
    <li className="grid gap-3 rounded-md border border-slate-200 p-3" data-testid={`scheme-rule-${index}`}>
      <input type="hidden" {...field("id")} />
      <input type="hidden" {...field("kind")} />
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <div className="font-medium text-slate-900">
            {ta(`kind.${kind}`)}
            <span className={deduction ? "ml-2 text-xs text-red-700" : "ml-2 text-xs text-emerald-700"}>
              {t(deduction ? "negative" : "positive")}
            </span>
          </div>
          <p className="text-xs break-words text-slate-500">{ta(`kindHint.${kind}`)}</p>
        </div>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          aria-label={t("removeRule", { kind: ta(`kind.${kind}`) })}
          onClick={onRemove}
        >
          {t("remove")}
        </Button>
      </div>
      {error("id") ? <p className="text-xs text-red-700">{error("id")}</p> : null}
      {kind === "INDICATOR" ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id={id("indicatorId")} label={t("field.indicator")} error={error("indicatorId")}>
            <Select id={id("indicatorId")} {...field("indicatorId")}>
              <option value="0">{indicators.length ? t("selectIndicator") : t("noIndicators")}</option>
              {indicators.map((i) => (
                <option key={i.id} value={i.id}>
                  {t("indicatorOption", { code: i.code, name: i.name, unit: i.unit })}
                </option>
              ))}
            </Select>
          </Field>
          {input("points", t("field.indicatorPoints"))}
          {input("capRatio", t("field.capRatio"), { hint: t("field.capRatioHint") })}
        </div>
      ) : (
        <div className="grid grid-cols-2 gap-3">
          {input("points", t(deduction ? "field.deduction" : "field.points"))}
          {input("max", t("field.max"), { hint: t("field.maxHint"), optional: true })}
        </div>
      )}
      {kind === "COMPLETED" ? (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("field.weights")}</legend>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {PRIORITIES.map((p) => (
              <div key={p}>{input(`weights.${p}`, ta(`priority.${p}`))}</div>
            ))}
          </div>
        </fieldset>
      ) : null}
    </li>
  );
}
