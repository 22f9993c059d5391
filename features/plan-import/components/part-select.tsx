"use client";
import { useTranslations } from "next-intl";
import { Field, Select } from "@/components/ui/field";
import { PLAN_PARTS } from "../schemas";

/** 只导入第…部分: the whole document ("") or one top-level part 「一、」「二、」… of it. */
export function PartSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (part: string) => void;
  error?: string;
}) {
  const t = useTranslations("planImport");
  return (
    <Field id="plan-part" label={t("part")} hint={t("partHint")} error={error}>
      <Select
        id="plan-part"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "plan-part-error" : "plan-part-hint"}
      >
        <option value="">{t("partWhole")}</option>
        {PLAN_PARTS.map((p) => (
          <option key={p} value={p}>
            {t("partOption", { part: p })}
          </option>
        ))}
      </Select>
    </Field>
  );
}
