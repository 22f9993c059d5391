"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm, type Path } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import {
  createSchemeAction,
  deleteSchemeDraftAction,
  publishSchemeAction,
  updateSchemeDraftAction,
} from "../actions-schemes";
import { newRule } from "../lib/scheme-template";
import {
  DEDUCTION_KINDS,
  POSITIVE_KINDS,
  SCHEME_LEVELS,
  SCHEME_SCOPES,
  ZSchemeFields,
  type TRule,
} from "../schemas";
import type { TIndicatorChoice } from "../server/scheme-view";
import { SchemeBandsFields } from "./scheme-bands-fields";
import { SchemeRuleFields } from "./scheme-rule-fields";
import { useSchemeFieldText } from "./use-scheme-field-text";

// The one scheme form: a new scheme (create a draft) or a draft (save, publish, delete). Validated
// in the browser by the actions' own schema (ZSchemeFields); the server checks again, and its field
// errors (level, plan, indicator) land on the same fields.

export type TSchemeFormInput = z.input<typeof ZSchemeFields>;
type TOutput = z.output<typeof ZSchemeFields>;

type TProps = {
  /** The draft edited; none for a new scheme. */
  schemeId?: number;
  defaults: TSchemeFormInput;
  plans: { id: number; title: string }[];
  indicators: TIndicatorChoice[];
};

const KINDS = [...POSITIVE_KINDS, ...DEDUCTION_KINDS] as const;
const num = { type: "number", inputMode: "decimal", step: "0.01" } as const;
const emptyAsUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export function SchemeForm({ schemeId, defaults, plans, indicators }: TProps) {
  const t = useTranslations("assessmentSchemes");
  const ta = useTranslations("assessment");
  const router = useRouter();
  const form = useForm<TSchemeFormInput, unknown, TOutput>({
    resolver: zodResolver(ZSchemeFields),
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;
  const feedback = useActionFeedback(form.setError);
  const text = useSchemeFieldText(errors);
  const rules = useFieldArray({ control: form.control, name: "rules.rules" });
  const [addKind, setAddKind] = useState<TRule["kind"]>("COMPLETED");
  const scope = form.watch("scope");
  const planId = String(form.watch("planId") ?? "");
  const choices = indicators.filter((i) => !planId || String(i.planId) === planId);
  const reg = (name: string, opts?: { optional?: boolean }) =>
    form.register(
      name as Path<TSchemeFormInput>,
      opts?.optional ? { setValueAs: emptyAsUndefined } : undefined,
    );
  const invalid = (name: string) => (text(name) ? true : undefined);

  /** Creates or saves the draft; its id, or null when refused (feedback shown). */
  const save = async (v: TOutput): Promise<number | null> => {
    const r =
      schemeId === undefined
        ? await createSchemeAction(v)
        : await updateSchemeDraftAction({ ...v, schemeId });
    return feedback(r) && r.ok ? r.data.schemeId : null;
  };
  const submit = form.handleSubmit(async (v) => {
    const id = await save(v);
    if (id === null) return;
    toast.success(t(schemeId === undefined ? "created" : "saved"));
    if (schemeId === undefined) router.push(`/assessment/${id}`);
    else router.refresh();
  });
  const publish = form.handleSubmit(async (v) => {
    const id = await save(v);
    if (id === null) return;
    const r = await publishSchemeAction({ schemeId: id });
    if (!feedback(r)) return;
    toast.success(t("published"));
    router.refresh();
  });
  const addRule = () => {
    const taken = form.getValues("rules.rules").map((r) => String((r as { id?: unknown }).id));
    rules.append(newRule(addKind, taken, choices[0]?.id));
  };

  return (
    <form noValidate onSubmit={submit} className="grid gap-5 p-4 text-sm" data-testid="scheme-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <Field id="sf-title" label={t("field.title")} error={text("title")}>
            <Input id="sf-title" maxLength={100} aria-invalid={invalid("title")} {...reg("title")} />
          </Field>
        </div>
        <Field id="sf-year" label={t("field.year")} hint={t("hint.year")} error={text("year")}>
          <Input
            id="sf-year"
            type="number"
            inputMode="numeric"
            aria-invalid={invalid("year")}
            {...reg("year")}
          />
        </Field>
        <Field id="sf-plan" label={t("field.plan")} hint={t("hint.plan")} error={text("planId")}>
          <Select id="sf-plan" aria-invalid={invalid("planId")} {...reg("planId")}>
            <option value="">{t("field.planAll")}</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="sf-scope" label={t("field.scope")} error={text("scope")}>
          <Select id="sf-scope" {...reg("scope")}>
            {SCHEME_SCOPES.map((s) => (
              <option key={s} value={s}>
                {ta(`scope.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        {scope === "LEVEL" ? (
          <Field id="sf-level" label={t("field.level")} error={text("level")}>
            <Select id="sf-level" aria-invalid={invalid("level")} {...reg("level")}>
              <option value="" />
              {SCHEME_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`level.${l}`)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>

      <Field id="sf-base" label={t("field.base")} hint={t("hint.base")} error={text("rules.base")}>
        <Input id="sf-base" {...num} aria-invalid={invalid("rules.base")} {...reg("rules.base")} />
      </Field>

      <section className="grid gap-3" aria-labelledby="sf-rules">
        <h3 id="sf-rules" className="font-semibold text-slate-800">
          {t("field.rules")}
        </h3>
        {rules.fields.length === 0 ? <p className="text-slate-500">{t("noRules")}</p> : null}
        <ul className="grid gap-3">
          {rules.fields.map((f, i) => (
            <SchemeRuleFields
              key={f.id}
              index={i}
              kind={(f as unknown as { kind: TRule["kind"] }).kind}
              field={(n, opts) => reg(`rules.rules.${i}.${n}`, opts)}
              error={(n) => text(`rules.rules.${i}.${n}`)}
              indicators={choices}
              onRemove={() => rules.remove(i)}
            />
          ))}
        </ul>
        {text("rules.rules") ? <p className="text-xs text-red-700">{text("rules.rules")}</p> : null}
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 sm:max-w-xs">
            <Field id="sf-add-kind" label={t("field.addKind")}>
              <Select
                id="sf-add-kind"
                value={addKind}
                onChange={(e) => setAddKind(e.target.value as TRule["kind"])}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {ta(`kind.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Button type="button" variant="secondary" onClick={addRule}>
            {t("add")}
          </Button>
        </div>
      </section>

      <SchemeBandsFields reg={reg} text={text} />

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {t(schemeId === undefined ? "create" : "save")}
        </Button>
        {schemeId !== undefined ? (
          <>
            <ConfirmButton
              variant="secondary"
              label={t("publish")}
              title={t("publishTitle")}
              body={t("publishBody")}
              confirmLabel={t("publishConfirm")}
              cancelLabel={t("cancel")}
              onConfirm={() => publish()}
            />
            <ConfirmButton
              label={t("deleteDraft")}
              title={t("deleteTitle")}
              body={t("deleteBody")}
              confirmLabel={t("deleteConfirm")}
              cancelLabel={t("cancel")}
              onConfirm={async () => {
                const r = await deleteSchemeDraftAction({ schemeId });
                if (!feedback(r)) return;
                toast.success(t("deleted"));
                router.push("/assessment");
              }}
            />
          </>
        ) : null}
      </div>
    </form>
  );
}
