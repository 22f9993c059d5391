"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { addAssessmentItemAction, withdrawAssessmentItemAction } from "../actions-results";
import { ITEM_KINDS, ZItemInput } from "../schemas";
import { useResultsFieldText } from "./use-results-field-text";

type TInput = z.input<typeof ZItemInput>;
type TOutput = z.output<typeof ZItemInput>;

/** 录入加减分项 for one unit (the running org, on a published scheme); confirmed before it is sent. */
export function ItemForm({ seriesId, orgId }: { seriesId: number; orgId: number }) {
  const t = useTranslations("assessmentResults.items");
  const ta = useTranslations("assessment");
  const tc = useTranslations("common");
  const router = useRouter();
  const form = useForm<TInput, unknown, TOutput>({
    resolver: zodResolver(ZItemInput),
    defaultValues: { seriesId, orgId, kind: "BONUS", points: "", reason: "" },
  });
  const feedback = useActionFeedback(form.setError);
  const text = useResultsFieldText(form.formState.errors);
  const veto = form.watch("kind") === "VETO";
  const submit = form.handleSubmit(async (d) => {
    const r = await addAssessmentItemAction(d);
    if (!feedback(r)) return;
    toast.success(t("added"));
    form.reset({ seriesId, orgId, kind: "BONUS", points: "", reason: "" });
    router.refresh();
  });
  return (
    <form className="grid gap-3 p-4" data-testid="assess-item-form" onSubmit={(e) => e.preventDefault()}>
      <div className="grid gap-3">
        <Field id="item-kind" label={t("kind")}>
          <Select id="item-kind" {...form.register("kind")}>
            {ITEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {ta(`kind.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="item-points"
          label={t("points")}
          hint={veto ? t("pointsHint") : undefined}
          error={text("points")}
        >
          <Input
            id="item-points"
            type="number"
            inputMode="decimal"
            step="0.01"
            min="0"
            disabled={veto}
            {...form.register("points")}
            aria-invalid={!!text("points")}
          />
        </Field>
        <Field id="item-reason" label={t("reason")} hint={t("reasonHint")} error={text("reason")}>
          <Input
            id="item-reason"
            maxLength={500}
            {...form.register("reason")}
            aria-invalid={!!text("reason")}
          />
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

/** 撤回 one item (kept as history), after a confirmation. */
export function WithdrawItemButton({ itemId }: { itemId: number }) {
  const t = useTranslations("assessmentResults.items");
  const tc = useTranslations("common");
  const router = useRouter();
  const feedback = useActionFeedback();
  return (
    <span data-testid={`assess-withdraw-${itemId}`}>
      <ConfirmButton
        label={t("withdraw")}
        title={t("withdrawTitle")}
        body={t("withdrawBody")}
        confirmLabel={t("withdraw")}
        cancelLabel={tc("cancel")}
        onConfirm={async () => {
          const r = await withdrawAssessmentItemAction({ itemId });
          if (!feedback(r)) return;
          toast.success(t("withdrawn"));
          router.refresh();
        }}
      />
    </span>
  );
}
