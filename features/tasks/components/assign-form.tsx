"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { assignTasksAction } from "../actions";
import { PRIORITIES, TARGET_LEVELS, ZAssignTasks } from "../schemas";
import type { TAssignResult } from "../server/assign-tasks";
import { ObjectivePicker, type TPickNode } from "./objective-picker";
import { OrgPicker, type TOrgOption } from "./org-picker";

type TInput = z.input<typeof ZAssignTasks>;
export type TAssignFormProps = {
  nodes: TPickNode[];
  root: TOrgOption;
  children: TOrgOption[];
  today: string;
  defaultDue: string;
  parentTaskId?: number;
  fixedObjectiveId?: number;
  maxDue?: string;
};

/** 下达 (or 分解 with parentTaskId): objectives × targets, with a due date and terms. */
export function AssignForm(p: TAssignFormProps) {
  const t = useTranslations("tasks");
  const pu = useTranslations("punct");
  const fieldError = useFieldError();
  const [token, setToken] = useState(() => crypto.randomUUID());
  const [orgs, setOrgs] = useState<TOrgOption[]>([]);
  const [result, setResult] = useState<TAssignResult | null>(null);
  const form = useForm<TInput>({
    resolver: zodResolver(ZAssignTasks),
    defaultValues: {
      clientToken: token,
      objectiveIds: p.fixedObjectiveId ? [p.fixedObjectiveId] : [],
      target: { mode: "level", level: "COUNTY", underOrgId: p.root.id },
      dueDate: p.defaultDue,
      priority: "NORMAL",
      note: "",
      allowPastDue: false,
      parentTaskId: p.parentTaskId,
    },
  });
  const feedback = useActionFeedback(form.setError);
  const { errors, isSubmitting } = form.formState;
  const target = form.watch("target");
  const due = form.watch("dueDate");
  const objectiveIds = form.watch("objectiveIds") ?? [];
  const setMode = (mode: "orgs" | "level") =>
    form.setValue(
      "target",
      mode === "orgs"
        ? { mode, orgIds: orgs.map((o) => o.id) }
        : { mode, level: "COUNTY", underOrgId: p.root.id },
    );
  const submit = form.handleSubmit(async (v) => {
    const res = await assignTasksAction(v);
    if (!feedback(res) || !res.ok) return;
    setResult(res.data);
    const next = crypto.randomUUID();
    setToken(next);
    form.setValue("clientToken", next);
  });
  const targetError = errors.target as { message?: string; orgIds?: { message?: string } } | undefined;
  return (
    <form noValidate onSubmit={submit} className="grid gap-5">
      {p.fixedObjectiveId ? null : (
        <section>
          <h2 className="mb-1 font-semibold">{t("assign.objectives")}</h2>
          <p className="mb-2 text-xs text-slate-500">{t("assign.objectivesHint")}</p>
          <ObjectivePicker
            nodes={p.nodes}
            value={objectiveIds as number[]}
            onChange={(ids) =>
              form.setValue("objectiveIds", ids, { shouldValidate: form.formState.isSubmitted })
            }
          />
          {errors.objectiveIds ? (
            <p role="alert" className="mt-1 text-xs text-red-700">
              {fieldError(errors.objectiveIds)}
            </p>
          ) : null}
        </section>
      )}
      <section>
        <h2 className="mb-2 font-semibold">{t("assign.targets")}</h2>
        <div className="mb-3 flex gap-2" role="radiogroup">
          {(["level", "orgs"] as const).map((m) => (
            <label
              key={m}
              className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input
                type="radio"
                name="mode"
                checked={target.mode === m}
                onChange={() => setMode(m)}
                className="accent-brand-600"
              />
              {m === "level" ? t("assign.modeLevel") : t("assign.modeOrgs")}
            </label>
          ))}
        </div>
        {target.mode === "level" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="under" label={t("assign.under")}>
              <Select
                id="under"
                value={Number(target.underOrgId)}
                onChange={(e) => form.setValue("target", { ...target, underOrgId: Number(e.target.value) })}
              >
                <option value={p.root.id}>
                  {p.root.name}
                  {pu("paren", { text: t("assign.underSelf") })}
                </option>
                {p.children.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="level" label={t("assign.level")}>
              <Select
                id="level"
                value={target.level}
                onChange={(e) =>
                  form.setValue("target", {
                    ...target,
                    level: e.target.value as (typeof TARGET_LEVELS)[number],
                  })
                }
              >
                {TARGET_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`assign.levels.${l}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        ) : (
          <OrgPicker
            value={orgs}
            parentTaskId={p.parentTaskId}
            onChange={(next) => {
              setOrgs(next);
              form.setValue("target", { mode: "orgs", orgIds: next.map((o) => o.id) });
            }}
          />
        )}
        {targetError ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {fieldError({ message: targetError.message ?? targetError.orgIds?.message })}
          </p>
        ) : null}
      </section>
      <section className="grid gap-3 sm:grid-cols-2">
        <h2 className="font-semibold sm:col-span-2">{t("assign.terms")}</h2>
        <Field id="dueDate" label={t("field.due")} error={fieldError(errors.dueDate)}>
          <Input
            id="dueDate"
            type="date"
            max={p.maxDue}
            aria-invalid={!!errors.dueDate}
            {...form.register("dueDate")}
          />
        </Field>
        <Field id="priority" label={t("field.priority")}>
          <Select id="priority" {...form.register("priority")}>
            {PRIORITIES.map((x) => (
              <option key={x} value={x}>
                {t(`priority.${x}`)}
              </option>
            ))}
          </Select>
        </Field>
        {due && due < p.today ? (
          <label className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 sm:col-span-2">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-brand-600"
              {...form.register("allowPastDue")}
            />
            {t("assign.allowPastDue")}
          </label>
        ) : null}
        <Field id="targetValue" label={t("assign.targetValue")} error={fieldError(errors.targetValue)}>
          <Input
            id="targetValue"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            {...form.register("targetValue")}
          />
        </Field>
        <Field id="targetUnit" label={t("assign.targetUnit")} error={fieldError(errors.targetUnit)}>
          <Input id="targetUnit" maxLength={20} {...form.register("targetUnit")} />
        </Field>
        <div className="sm:col-span-2">
          <Field id="note" label={t("field.note")} error={fieldError(errors.note)}>
            <textarea
              id="note"
              rows={3}
              className="w-full rounded-md border border-slate-300 p-2 text-sm"
              {...form.register("note")}
            />
          </Field>
        </div>
      </section>
      {result ? (
        <div
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900"
          data-testid="assign-result"
        >
          <p className="font-medium">{t("assign.result", { created: result.created })}</p>
          {result.skipped ? <p>{t("assign.skipped", { skipped: result.skipped })}</p> : null}
          <Link
            href={`/tasks?batch=${result.batchId}`}
            className="mt-1 inline-block text-brand-700 underline"
          >
            {t("assign.viewBatch")}
          </Link>
        </div>
      ) : null}
      <div>
        <Button type="submit" disabled={isSubmitting} className="h-11 w-full sm:w-auto">
          {isSubmitting ? t("assign.submitting") : t("assign.submit")}
        </Button>
      </div>
    </form>
  );
}
