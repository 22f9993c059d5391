"use client";
import { useTranslations } from "next-intl";
import type { FieldError, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ZAssignTasks } from "@/features/tasks/schemas";
import type { TFrequency } from "../lib/periods";
import { RuleFields, type TRuleFieldName } from "./rule-fields";

type TAssignInput = z.input<typeof ZAssignTasks>;

/**
 * The 下达/分解 form's 定期报送 section: off by default; on, the recipients' tasks must report every
 * period (a rule on the assignment's batch, created with it). Defaults: monthly by the 25th, from
 * today to the tasks' due date. For 分解 it says that the requirements set above already cover the
 * tasks passed down (a batch rule covers the whole chain below it: server/owing.ts).
 */
export function AssignReporting(p: {
  form: UseFormReturn<TAssignInput>;
  today: string;
  passedDown: boolean;
}) {
  const { form, today } = p;
  const t = useTranslations("tasks.assign");
  const rule = form.watch("reporting");
  const on = rule !== undefined;
  const errors = form.formState.errors.reporting as Partial<Record<TRuleFieldName, FieldError>> | undefined;
  const toggle = (checked: boolean) => {
    form.clearErrors("reporting");
    const due = form.getValues("dueDate");
    form.setValue(
      "reporting",
      checked
        ? { frequency: "MONTHLY", dueDay: 25, startDate: today, endDate: due && due > today ? due : today }
        : undefined,
    );
  };
  return (
    <section className="grid gap-3 sm:grid-cols-2" data-testid="assign-reporting">
      <label className="flex items-start gap-2 text-sm sm:col-span-2">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-brand-600"
          checked={on}
          onChange={(e) => toggle(e.target.checked)}
        />
        <span>
          <span className="font-semibold">{t("reporting")}</span>
          <span className="block text-xs text-slate-500">{t("reportingHint")}</span>
          {p.passedDown ? (
            <span className="block text-xs text-slate-500" data-testid="reporting-inherited">
              {t("reportingInherited")}
            </span>
          ) : null}
        </span>
      </label>
      {on ? (
        <RuleFields
          idPrefix="assign-rr"
          register={(n) => form.register(`reporting.${n}`)}
          errors={errors}
          frequency={(rule?.frequency ?? "MONTHLY") as TFrequency}
        />
      ) : null}
    </section>
  );
}
