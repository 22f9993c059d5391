"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { assignTasksAction, countTargetOrgsAction } from "../actions";
import { countPickedMeasures } from "../lib/filter-objectives";
import { CONFIRM_TARGETS_ABOVE, PRIORITIES, ZAssignTasks } from "../schemas";
import type { TAssignResult } from "../server/assign-tasks";
import { ObjectivePicker, type TPickNode } from "./objective-picker";
import { ReachConfirmDialog } from "./reach-confirm-dialog";
import { TargetChooser, type TTargetScope } from "./target-chooser";
import { useTargetReach } from "./use-target-reach";
import { IndicatorTargets } from "@/features/indicators/components/indicator-targets";
import type { TAssignIndicators } from "@/features/indicators/server/assign-indicators";
import { AssignReporting } from "@/features/reporting/components/assign-reporting";
import { singleMeasureId } from "@/features/indicators/lib/pick-measure";

type TInput = z.input<typeof ZAssignTasks>;
type TTarget = z.output<typeof ZAssignTasks>["target"];
export type TAssignFormProps = Omit<TTargetScope, "parentTaskId"> & {
  nodes: TPickNode[];
  initialObjectiveIds: number[];
  /** The terms the form starts with; for 分解, the parent task's priority, note and due date. */
  defaults: { priority: (typeof PRIORITIES)[number]; note: string; due: string };
  today: string;
  parentTaskId?: number;
  fixedObjectiveId?: number;
  maxDue?: string;
  /** The measures' indicators (targets are split when one measure with indicators is chosen). */
  indicators?: TAssignIndicators;
};

/** 下达 (or 分解 with parentTaskId): objectives × targets, with a due date and terms. */
export function AssignForm(p: TAssignFormProps) {
  const t = useTranslations("tasks");
  const fieldError = useFieldError();
  const [token, setToken] = useState(() => crypto.randomUUID());
  const [result, setResult] = useState<TAssignResult | null>(null);
  const [pending, setPending] = useState<{ values: TInput; orgs: number; tasks: number } | null>(null);
  const [indicatorsReady, setIndicatorsReady] = useState(true);
  const form = useForm<TInput>({
    resolver: zodResolver(ZAssignTasks),
    defaultValues: {
      clientToken: token,
      objectiveIds: p.fixedObjectiveId ? [p.fixedObjectiveId] : p.initialObjectiveIds,
      // Never a default that fans out to the whole area: the next tier below, within the org itself.
      target: p.defaultLevel
        ? { mode: "level", level: p.defaultLevel, underOrgId: p.root.id }
        : { mode: "orgs", orgIds: [] },
      dueDate: p.defaults.due,
      priority: p.defaults.priority,
      note: p.defaults.note,
      allowPastDue: false,
      parentTaskId: p.parentTaskId,
    },
  });
  const feedback = useActionFeedback(form.setError);
  const onIndicatorTargets = useCallback(
    (v: TInput["indicatorTargets"], ready: boolean) => {
      form.setValue("indicatorTargets", v);
      setIndicatorsReady(ready);
    },
    [form],
  );
  const { errors, isSubmitting } = form.formState;
  const target = form.watch("target");
  const due = form.watch("dueDate");
  const objectiveIds = (form.watch("objectiveIds") ?? []) as number[];
  const measures = p.fixedObjectiveId ? 1 : countPickedMeasures(p.nodes, objectiveIds);
  const reach = useTargetReach(target as TTarget, p.parentTaskId);
  // A measure with indicators (指标) is measured by them: the free-form 量化目标 fields would be a
  // second, unsummed target, so they are not offered (and not sent).
  const measureId = p.fixedObjectiveId ?? singleMeasureId(p.nodes, objectiveIds);
  const hasIndicators = measureId !== null && (p.indicators?.byMeasure[measureId]?.length ?? 0) > 0;
  const send = async (v: TInput) => {
    const res = await assignTasksAction(
      hasIndicators ? { ...v, targetValue: undefined, targetUnit: undefined } : v,
    );
    setPending(null);
    if (!feedback(res) || !res.ok) return;
    setResult(res.data);
    const next = crypto.randomUUID();
    setToken(next);
    form.setValue("clientToken", next);
  };
  // Counted again on submit (not the figure on screen, which may lag): above the threshold, ask first.
  const submit = form.handleSubmit(async (v) => {
    const count = await countTargetOrgsAction({ target: v.target, parentTaskId: v.parentTaskId });
    if (!feedback(count) || !count.ok) return;
    const orgs = count.data.orgs;
    if (orgs > CONFIRM_TARGETS_ABOVE) setPending({ values: v, orgs, tasks: orgs * measures });
    else await send(v);
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
        <TargetChooser
          scope={{
            root: p.root,
            children: p.children,
            levels: p.levels,
            defaultLevel: p.defaultLevel,
            parentTaskId: p.parentTaskId,
          }}
          value={target as TTarget}
          onChange={(next) => {
            form.setValue("target", next, { shouldValidate: form.formState.isSubmitted });
            form.clearErrors("target");
          }}
        />
        {targetError ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {fieldError({ message: targetError.message ?? targetError.orgIds?.message })}
          </p>
        ) : null}
        <ReachNote orgs={reach.orgs} loading={reach.loading} measures={measures} />
      </section>
      {p.indicators ? (
        <IndicatorTargets
          data={p.indicators}
          nodes={p.nodes}
          objectiveIds={objectiveIds}
          fixedObjectiveId={p.fixedObjectiveId}
          target={target as TTarget}
          parentTaskId={p.parentTaskId}
          onChange={onIndicatorTargets}
        />
      ) : null}
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
        {hasIndicators ? null : (
          <>
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
          </>
        )}
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
      <AssignReporting form={form} today={p.today} passedDown={p.parentTaskId !== undefined} />
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
        <Button
          type="submit"
          disabled={isSubmitting || !!pending || !indicatorsReady}
          className="h-11 w-full sm:w-auto"
        >
          {isSubmitting ? t("assign.submitting") : t("assign.submit")}
        </Button>
      </div>
      <ReachConfirmDialog
        pending={pending}
        busy={isSubmitting}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && form.handleSubmit(() => send(pending.values))()}
      />
    </form>
  );
}

/** How far the current choice reaches, before anything is sent. */
function ReachNote({ orgs, loading, measures }: { orgs: number | null; loading: boolean; measures: number }) {
  const t = useTranslations("tasks.assign");
  if (orgs === null && !loading) return null;
  const wide = orgs !== null && orgs > CONFIRM_TARGETS_ABOVE;
  return (
    <p
      className={`mt-2 rounded-md px-3 py-2 text-sm ${wide ? "bg-amber-50 text-amber-900" : "bg-slate-50 text-slate-700"}`}
      data-testid="target-reach"
      aria-live="polite"
      aria-busy={loading}
    >
      {orgs === null
        ? t("reachLoading")
        : measures && orgs
          ? t("reachTasks", { orgs, tasks: orgs * measures })
          : t("reachOrgs", { orgs })}
      {wide ? ` ${t("reachWide", { limit: CONFIRM_TARGETS_ABOVE })}` : null}
    </p>
  );
}
