"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { decideObjectionAction, raiseObjectionAction } from "../actions-results";
import { ZDecideObjection, ZRaiseObjection } from "../schemas";
import { useResultsFieldText } from "./use-results-field-text";

// 申诉: the unit raises one on a line of its own sheet; the running org accepts (new points) or rejects (note).

type TRaiseIn = z.input<typeof ZRaiseObjection>;
type TRaiseOut = z.output<typeof ZRaiseObjection>;

export function ObjectionForm({
  resultId,
  lines,
}: {
  resultId: number;
  lines: { key: string; label: string }[];
}) {
  const t = useTranslations("assessmentResults.objection");
  const tc = useTranslations("common");
  const router = useRouter();
  const form = useForm<TRaiseIn, unknown, TRaiseOut>({
    resolver: zodResolver(ZRaiseObjection),
    defaultValues: { resultId, lineKey: "", reason: "" },
  });
  const feedback = useActionFeedback(form.setError);
  const text = useResultsFieldText(form.formState.errors);
  const submit = form.handleSubmit(async (d) => {
    const r = await raiseObjectionAction(d);
    if (!feedback(r)) return;
    toast.success(t("raised"));
    form.reset({ resultId, lineKey: "", reason: "" });
    router.refresh();
  });
  return (
    <form className="grid gap-3 p-4" data-testid="assess-objection-form" onSubmit={(e) => e.preventDefault()}>
      <Field id="objection-line" label={t("line")} error={text("lineKey")}>
        <Select id="objection-line" {...form.register("lineKey")} aria-invalid={!!text("lineKey")}>
          <option value="">{t("chooseLine")}</option>
          {lines.map((l) => (
            <option key={l.key} value={l.key}>
              {l.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="objection-reason" label={t("reason")} hint={t("reasonHint")} error={text("reason")}>
        <textarea
          id="objection-reason"
          rows={3}
          maxLength={1000}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-500"
          {...form.register("reason")}
          aria-invalid={!!text("reason")}
        />
      </Field>
      <div>
        <ConfirmButton
          variant="secondary"
          label={t("submit")}
          title={t("confirmTitle")}
          body={t("confirmBody")}
          confirmLabel={t("submit")}
          cancelLabel={tc("cancel")}
          onConfirm={() => submit()}
        />
      </div>
    </form>
  );
}

type TDecideIn = z.input<typeof ZDecideObjection>;
type TDecideOut = z.output<typeof ZDecideObjection>;

/** Accept with the line's new points, or reject with a note (both confirmed). */
export function DecideObjectionForm({ objectionId, points }: { objectionId: number; points: number }) {
  const t = useTranslations("assessmentResults.objection");
  const tc = useTranslations("common");
  const router = useRouter();
  const form = useForm<TDecideIn, unknown, TDecideOut>({
    resolver: zodResolver(ZDecideObjection),
    defaultValues: { objectionId, decision: "ACCEPT", points, note: "" },
  });
  const feedback = useActionFeedback(form.setError);
  const text = useResultsFieldText(form.formState.errors);
  const decision = form.watch("decision");
  const submit = form.handleSubmit(async (d) => {
    const r = await decideObjectionAction(d);
    if (!feedback(r)) return;
    toast.success(t("decided"));
    router.refresh();
  });
  return (
    <form
      className="grid gap-2"
      data-testid={`assess-decide-form-${objectionId}`}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="flex flex-wrap gap-2" role="radiogroup" aria-label={t("accept")}>
        {(["ACCEPT", "REJECT"] as const).map((d) => (
          <Button
            key={d}
            type="button"
            size="sm"
            variant={decision === d ? "primary" : "secondary"}
            aria-pressed={decision === d}
            onClick={() => form.setValue("decision", d)}
          >
            {t(d === "ACCEPT" ? "accept" : "reject")}
          </Button>
        ))}
      </div>
      <div className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        {decision === "ACCEPT" ? (
          <Field
            id={`decide-points-${objectionId}`}
            label={t("newPoints")}
            hint={t("newPointsHint")}
            error={text("points")}
          >
            <Input
              id={`decide-points-${objectionId}`}
              type="number"
              inputMode="decimal"
              step="0.01"
              {...form.register("points")}
              aria-invalid={!!text("points")}
            />
          </Field>
        ) : null}
        <Field id={`decide-note-${objectionId}`} label={t("decisionNote")} error={text("note")}>
          <Input
            id={`decide-note-${objectionId}`}
            maxLength={500}
            {...form.register("note")}
            aria-invalid={!!text("note")}
          />
        </Field>
      </div>
      <div>
        <ConfirmButton
          variant="secondary"
          label={t(decision === "ACCEPT" ? "accept" : "reject")}
          title={t(decision === "ACCEPT" ? "acceptTitle" : "rejectTitle")}
          body={t(decision === "ACCEPT" ? "acceptBody" : "rejectBody")}
          confirmLabel={t(decision === "ACCEPT" ? "accept" : "reject")}
          cancelLabel={tc("cancel")}
          onConfirm={() => submit()}
        />
      </div>
    </form>
  );
}
