"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Field, Input } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { publishAssessmentResultAction } from "../actions-results";
import { ZPublishResult } from "../schemas";
import { useResultsFieldText } from "./use-results-field-text";

type TInput = z.input<typeof ZPublishResult>;
type TOutput = z.output<typeof ZPublishResult>;

/** 发布结果: the running org fixes the scores as of a day, with the objection deadline and 发文字号. */
export function PublishResultForm({
  schemeId,
  asOf,
  deadline,
}: {
  schemeId: number;
  asOf: string;
  deadline: string;
}) {
  const t = useTranslations("assessmentResults.publish");
  const tc = useTranslations("common");
  const router = useRouter();
  const form = useForm<TInput, unknown, TOutput>({
    resolver: zodResolver(ZPublishResult),
    defaultValues: { schemeId, asOf, objectionDeadline: deadline, docNumber: "" },
  });
  const feedback = useActionFeedback(form.setError);
  const text = useResultsFieldText(form.formState.errors);
  const submit = form.handleSubmit(async (d) => {
    const r = await publishAssessmentResultAction(d);
    if (!feedback(r) || !r.ok) return;
    toast.success(t("published"));
    router.push(`/assessment/results/${r.data.resultId}`);
  });
  return (
    <form className="grid gap-3 p-4" data-testid="assess-publish-form" onSubmit={(e) => e.preventDefault()}>
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <div className="grid gap-3">
        <Field id="publish-asOf" label={t("asOf")} hint={t("asOfHint")} error={text("asOf")}>
          <Input id="publish-asOf" type="date" {...form.register("asOf")} aria-invalid={!!text("asOf")} />
        </Field>
        <Field id="publish-deadline" label={t("deadline")} error={text("objectionDeadline")}>
          <Input
            id="publish-deadline"
            type="date"
            required
            {...form.register("objectionDeadline")}
            aria-invalid={!!text("objectionDeadline")}
          />
        </Field>
        <Field id="publish-doc" label={t("docNumber")} hint={t("docNumberHint")} error={text("docNumber")}>
          <Input id="publish-doc" maxLength={60} {...form.register("docNumber")} />
        </Field>
      </div>
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
