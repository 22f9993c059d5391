"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { EvidenceUploader } from "@/features/evidence/components/evidence-uploader";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { addAssessmentItemAction, withdrawAssessmentItemAction } from "../actions-results";
import { ITEM_KINDS, MAX_ITEM_EVIDENCE, ZItemInput } from "../schemas";
import { useResultsFieldText } from "./use-results-field-text";

type TInput = z.input<typeof ZItemInput>;
type TOutput = z.output<typeof ZItemInput>;

/**
 * 录入加减分项 for one unit (the running org, on a published scheme); confirmed before it is sent.
 * Evidence files are uploaded as they are chosen (POST /api/assessment/evidence) and linked to
 * the item when it is saved; the form waits for uploads still running.
 */
export function ItemForm({ seriesId, orgId }: { seriesId: number; orgId: number }) {
  const t = useTranslations("assessmentResults.items");
  const ta = useTranslations("assessment");
  const tc = useTranslations("common");
  const router = useRouter();
  const empty = { seriesId, orgId, kind: "BONUS" as const, points: "", reason: "", evidenceIds: [] };
  const form = useForm<TInput, unknown, TOutput>({ resolver: zodResolver(ZItemInput), defaultValues: empty });
  const [uploading, setUploading] = useState(false);
  // A new uploader (no files) after each saved item.
  const [round, setRound] = useState(0);
  const feedback = useActionFeedback(form.setError);
  const text = useResultsFieldText(form.formState.errors);
  const veto = form.watch("kind") === "VETO";
  const submit = form.handleSubmit(async (d) => {
    const r = await addAssessmentItemAction(d);
    if (!feedback(r)) return;
    toast.success(t("added"));
    form.reset(empty);
    setRound((n) => n + 1);
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
        <div className="grid gap-1" data-testid="assess-item-evidence">
          <span className="text-sm font-medium text-slate-800">{t("evidence")}</span>
          <EvidenceUploader
            key={round}
            url={`/api/assessment/evidence?scheme=${seriesId}`}
            max={MAX_ITEM_EVIDENCE}
            hint={t("evidenceHint")}
            errorText={(code) =>
              t.has(`evidenceErrors.${code}`) ? t(`evidenceErrors.${code}` as "evidence") : undefined
            }
            onChange={(ids) => form.setValue("evidenceIds", ids)}
            onBusyChange={setUploading}
          />
          {text("evidenceIds") ? (
            <p role="alert" className="text-sm text-red-700">
              {text("evidenceIds")}
            </p>
          ) : null}
        </div>
      </div>
      <div>
        <ConfirmButton
          disabled={uploading}
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
