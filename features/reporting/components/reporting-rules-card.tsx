"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Field, Select } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { createReportingRuleAction, retireReportingRuleAction } from "../actions";
import { REPORT_FREQUENCIES, ZReportingRuleFields } from "../schemas";
import { RuleFields } from "./rule-fields";

type TInput = z.input<typeof ZReportingRuleFields>;
type TOutput = z.output<typeof ZReportingRuleFields>;

export type TRuleItem = {
  id: number;
  frequency: (typeof REPORT_FREQUENCIES)[number];
  dueDay: number;
  startDate: string;
  endDate: string;
  retired: boolean;
  /** "3.2.1.4 title" for a measure's rule; null for the plan's own. */
  measure: string | null;
};

/** The plan edit page's 定期报送 card: the rules on the plan and its measures, add one, retire one. */
export function ReportingRulesCard({
  planId,
  measures,
  rules,
  defaults,
}: {
  planId: number;
  measures: { id: number; label: string }[];
  rules: TRuleItem[];
  defaults: { startDate: string; endDate: string };
}) {
  const t = useTranslations("reportingRules");
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [on, setOn] = useState("plan");
  const form = useForm<TInput, unknown, TOutput>({
    resolver: zodResolver(ZReportingRuleFields),
    defaultValues: { frequency: "MONTHLY", dueDay: 25, ...defaults },
  });
  const feedback = useActionFeedback(form.setError);
  const frequency = form.watch("frequency") as TRuleItem["frequency"];
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (rule) => {
    const target = on === "plan" ? { planId } : { objectiveId: Number(on) };
    const r = await createReportingRuleAction({ target, rule });
    if (!feedback(r)) return;
    toast.success(t("created"));
    setAdding(false);
    router.refresh();
  });
  const describe = (r: Pick<TRuleItem, "frequency" | "dueDay">) =>
    t(`rule.${r.frequency}`, {
      day: r.frequency === "WEEKLY" ? t(`weekday.${r.dueDay}` as "weekday.1") : r.dueDay,
    });

  return (
    <div className="grid gap-3 p-3 text-sm">
      <p className="text-slate-600">{t("hint")}</p>
      {rules.length === 0 ? <p className="text-slate-500">{t("empty")}</p> : null}
      <ul className="grid gap-2">
        {rules.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 p-2">
            <div className="min-w-0 flex-1">
              <div className="font-medium">{describe(r)}</div>
              <div className="truncate text-slate-600">{r.measure ?? t("onPlan")}</div>
              <div className="text-slate-500">{t("range", { start: r.startDate, end: r.endDate })}</div>
            </div>
            {r.retired ? (
              <Badge>{t("retired")}</Badge>
            ) : (
              <ConfirmButton
                label={t("retire")}
                title={t("retireTitle")}
                body={t("retireBody")}
                confirmLabel={t("confirmRetire")}
                cancelLabel={t("cancel")}
                onConfirm={async () => {
                  const res = await retireReportingRuleAction({ ruleId: r.id });
                  if (!feedback(res)) return;
                  toast.success(t("retiredDone"));
                  router.refresh();
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {adding ? (
        <form noValidate onSubmit={submit} className="grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Field id="rr-on" label={t("field.on")}>
              <Select id="rr-on" value={on} onChange={(e) => setOn(e.target.value)}>
                <option value="plan">{t("onPlan")}</option>
                {measures.map((m) => (
                  <option key={m.id} value={String(m.id)}>
                    {m.label}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <RuleFields
            idPrefix="rr"
            register={(n) => form.register(n)}
            errors={errors}
            frequency={frequency}
          />
          <div className="flex flex-wrap gap-2 sm:col-span-2">
            <Button type="submit" size="sm" disabled={isSubmitting}>
              {t("save")}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setAdding(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <Button size="sm" variant="secondary" onClick={() => setAdding(true)}>
            {t("add")}
          </Button>
        </div>
      )}
    </div>
  );
}
