"use client";
import { useTranslations } from "next-intl";
import { Field, Input } from "@/components/ui/field";
import { sumParts } from "../lib/split";
import {
  parseValue,
  SPLIT_MODES,
  targetsOf,
  type TSplitMode,
  type TSplitRecipient,
  type TSplitState,
} from "../lib/split-state";
import type { TIndicatorDef } from "../lib/types";
import { TargetSheetUpload } from "./target-sheet-upload";

/** One indicator's split: on/off, the parent total, the mode, and each receiving org's target. */
export function IndicatorSplit({
  indicator: ind,
  state: s,
  recipients,
  parentTask,
  onChange,
}: {
  indicator: TIndicatorDef;
  state: TSplitState;
  recipients: TSplitRecipient[];
  parentTask: boolean;
  onChange: (s: TSplitState) => void;
}) {
  const t = useTranslations("indicators.targets");
  const tv = useTranslations("validation");
  const pu = useTranslations("punct");
  const values = targetsOf(s, recipients);
  const total = parseValue(s.total);
  const setMode = (mode: TSplitMode) => {
    // Switching to typing keeps the figures on screen, to adjust them one by one.
    const typed =
      mode === "typed"
        ? Object.fromEntries(
            recipients.map((r, i) => [r.id, values[i] === null ? (s.typed[r.id] ?? "") : String(values[i])]),
          )
        : s.typed;
    onChange({ ...s, mode, typed });
  };
  const set = values.filter((v): v is number => v !== null);
  const sum = sumParts(set);
  const gap = total !== null && !Number.isNaN(total) ? Math.round((total - sum) * 100) / 100 : null;
  const missing = values.length - set.length;
  const noMembers = s.mode === "members" && recipients.length > 0 && recipients.every((r) => r.members === 0);
  const id = `ind-${ind.id}`;
  return (
    <fieldset className="rounded-md border border-slate-200 p-3" data-testid="indicator-split">
      <legend className="px-1 text-sm font-medium text-slate-800">
        {ind.name}
        <span className="text-slate-500">{pu("paren", { text: ind.unit })}</span>
      </legend>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-brand-600"
          checked={s.on}
          onChange={(e) => onChange({ ...s, on: e.target.checked })}
        />
        {t("setTargets", { name: ind.name })}
      </label>
      {s.on ? (
        <div className="mt-3 grid gap-3">
          <Field
            id={`${id}-total`}
            label={t("total", { unit: ind.unit })}
            hint={parentTask ? t("totalHint") : undefined}
            error={total !== null && Number.isNaN(total) ? tv("number") : undefined}
          >
            <Input
              id={`${id}-total`}
              type="text"
              inputMode="decimal"
              className="sm:w-48"
              value={s.total}
              aria-invalid={total !== null && Number.isNaN(total)}
              onChange={(e) => onChange({ ...s, total: e.target.value })}
            />
          </Field>
          <div role="radiogroup" aria-label={t("mode")} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {SPLIT_MODES.map((m) => (
              <label
                key={m}
                className="flex min-h-10 cursor-pointer items-center justify-center rounded-md border border-slate-300 px-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:text-brand-700"
              >
                <input
                  type="radio"
                  name={`${id}-mode`}
                  className="sr-only"
                  checked={s.mode === m}
                  onChange={() => setMode(m)}
                />
                {t(`modes.${m}`)}
              </label>
            ))}
          </div>
          {s.mode === "sheet" ? (
            <TargetSheetUpload
              id={`${id}-sheet`}
              recipients={recipients}
              onRead={(byCode) => onChange({ ...s, sheet: byCode })}
            />
          ) : null}
          {noMembers ? <p className="text-xs text-amber-800">{t("noMembers")}</p> : null}
          {recipients.length > 0 ? (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-100">
              {recipients.map((r, i) => (
                <li key={r.id} className="flex items-center gap-2 px-2 py-1.5 text-sm">
                  <span className="min-w-0 flex-1 break-words">
                    {r.name}
                    {s.mode === "members" ? (
                      <span className="ml-1 text-xs text-slate-500">
                        {t("members", { count: r.members })}
                      </span>
                    ) : null}
                  </span>
                  {s.mode === "typed" ? (
                    <div className="w-28 shrink-0">
                      <Input
                        type="text"
                        inputMode="decimal"
                        aria-label={t("target", { org: r.name })}
                        className="h-9 text-right"
                        value={s.typed[r.id] ?? ""}
                        aria-invalid={Number.isNaN(parseValue(s.typed[r.id]) ?? 0)}
                        onChange={(e) => onChange({ ...s, typed: { ...s.typed, [r.id]: e.target.value } })}
                      />
                    </div>
                  ) : (
                    <span className="w-28 shrink-0 text-right tabular-nums" data-testid="split-value">
                      {values[i] ?? "—"}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {recipients.length > 0 ? (
            <div aria-live="polite" className="grid gap-1 text-sm" data-testid="split-sum">
              <p className="font-medium tabular-nums">
                {gap === null ? t("sumOnly", { sum }) : t("sum", { sum, parentTarget: total! })}
              </p>
              {missing > 0 ? <p className="text-amber-800">{t("missing", { count: missing })}</p> : null}
              {gap !== null && gap > 0 ? (
                <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
                  {t("shortfall", { gap, unit: ind.unit })}
                </p>
              ) : null}
              {gap !== null && gap < 0 ? (
                <p className="text-slate-600">{t("over", { gap: -gap, unit: ind.unit })}</p>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
