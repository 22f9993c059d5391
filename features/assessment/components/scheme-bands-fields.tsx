"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/field";

// The scheme form's grade thresholds (优秀 / 良好 / 合格; below 合格 is 不合格) and the veto grade.

const num = { type: "number", inputMode: "decimal", step: "0.01" } as const;

export function SchemeBandsFields({
  reg,
  text,
}: {
  reg: (name: string) => UseFormRegisterReturn;
  text: (path: string) => string | undefined;
}) {
  const t = useTranslations("assessmentSchemes");
  const ta = useTranslations("assessment");
  const invalid = (name: string) => (text(name) ? true : undefined);
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-1 font-semibold text-slate-800">{t("field.bands")}</legend>
      <p className="text-xs text-slate-500">{t("hint.bands")}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        {(["EXCELLENT", "GOOD", "PASS"] as const).map((g) => (
          <Field key={g} id={`sf-band-${g}`} label={t(`field.${g}`)} error={text(`rules.bands.${g}`)}>
            <Input
              id={`sf-band-${g}`}
              {...num}
              aria-invalid={invalid(`rules.bands.${g}`)}
              {...reg(`rules.bands.${g}`)}
            />
          </Field>
        ))}
      </div>
      {text("rules.bands") ? (
        <p role="alert" className="text-xs text-red-700">
          {text("rules.bands")}
        </p>
      ) : null}
      <div className="sm:max-w-xs">
        <Field id="sf-veto" label={t("field.vetoGrade")} error={text("rules.vetoGrade")}>
          <Select id="sf-veto" {...reg("rules.vetoGrade")}>
            {(["PASS", "FAIL"] as const).map((g) => (
              <option key={g} value={g}>
                {ta(`grade.${g}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </fieldset>
  );
}
