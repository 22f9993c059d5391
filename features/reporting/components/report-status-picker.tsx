import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/field";

const BUTTON = "h-10 shrink-0 rounded-md bg-slate-800 px-4 text-sm font-medium text-white hover:bg-slate-900";

/**
 * Rule and period choice: two plain GET forms that keep the org. A new rule starts at its latest
 * period (a period belongs to one rule: the period form keeps the rule shown).
 */
export function ReportStatusPicker({
  orgId,
  rules,
  rule,
  periods,
  period,
}: {
  orgId: number;
  rules: { id: number; label: string }[];
  rule: number;
  periods: { id: number; label: string }[];
  period?: number;
}) {
  const t = useTranslations("reportStatus");
  return (
    <div className="mb-4 flex flex-col gap-2 lg:flex-row">
      <form method="get" action="/reporting" className="flex min-w-0 flex-1 items-end gap-2">
        <input type="hidden" name="org" value={orgId} />
        <label className="min-w-0 flex-1 text-sm text-slate-600">
          {t("rule")}
          <Select name="rule" defaultValue={String(rule)}>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </Select>
        </label>
        <button type="submit" className={BUTTON}>
          {t("show")}
        </button>
      </form>
      {periods.length ? (
        <form method="get" action="/reporting" className="flex min-w-0 flex-1 items-end gap-2">
          <input type="hidden" name="org" value={orgId} />
          <input type="hidden" name="rule" value={rule} />
          <label className="min-w-0 flex-1 text-sm text-slate-600">
            {t("period")}
            <Select name="period" defaultValue={period ? String(period) : undefined}>
              {periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
          </label>
          <button type="submit" className={BUTTON}>
            {t("show")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
