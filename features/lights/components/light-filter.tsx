import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";
import { TASK_LIGHTS, type TTaskLight } from "../lib/light";

/** The task list's `?light=` filter (a plain GET form field). */
export function LightFilter({ value }: { value?: TTaskLight }) {
  const t = useTranslations("lights");
  const tt = useTranslations("tasks");
  const p = useTranslations("punct");
  return (
    <label>
      <span className="sr-only">{t("filter")}</span>
      <Select name="light" defaultValue={value ?? ""} aria-label={t("filter")} data-testid="light-filter">
        <option value="">
          {t("filter")}
          {p("colon")}
          {tt("filters.all")}
        </option>
        {TASK_LIGHTS.map((l) => (
          <option key={l} value={l}>
            {t(`light.${l}`)}
          </option>
        ))}
      </Select>
    </label>
  );
}
