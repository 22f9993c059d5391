"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { closeOrgAction } from "../../actions";
import { ZCloseOrg } from "../../schemas";
import { ConfirmStep } from "./confirm-step";
import { OpenTasksChoice } from "./open-tasks-choice";
import { OrgPick, type TPickedOrg } from "./org-pick";
import { useConfirmedChange } from "./use-confirmed-change";

type TClose = z.input<typeof ZCloseOrg>;

/** 撤销: a reason, and the open tasks go to a named union or are cancelled with that reason; then confirm. */
export function CloseOrgForm({ org, onDone }: { org: { id: number; name: string }; onDone: () => void }) {
  const t = useTranslations("orgChanges.close");
  const fieldError = useFieldError();
  const [chosen, setChosen] = useState<TPickedOrg | null>(null);
  const form = useForm<TClose>({
    resolver: zodResolver(ZCloseOrg),
    defaultValues: { orgId: org.id, reason: "", tasks: undefined },
  });
  const change = useConfirmedChange<TClose>({
    setError: form.setError,
    run: (v) => closeOrgAction(v),
    onDone: () => {
      toast.success(t("done", { org: org.name }));
      onDone();
    },
  });
  const { errors } = form.formState;
  const choice = form.watch("tasks");
  if (change.pending)
    return (
      <ConfirmStep
        text={t("confirm", { org: org.name })}
        busy={change.busy}
        onConfirm={change.confirm}
        onBack={change.back}
      />
    );
  return (
    <form noValidate onSubmit={form.handleSubmit(change.hold)} className="grid gap-3">
      <Field id="close-reason" label={t("reason")} error={fieldError(errors.reason)}>
        <textarea
          id="close-reason"
          rows={2}
          aria-invalid={!!errors.reason}
          className="w-full rounded-md border border-slate-300 p-2 text-sm"
          {...form.register("reason")}
        />
      </Field>
      <OpenTasksChoice
        orgId={org.id}
        successorId={choice === "transfer" ? chosen?.id : undefined}
        transferLabel={t("transfer")}
        choice={choice}
        choiceField={form.register("tasks")}
        choiceError={fieldError(errors.tasks)}
      />
      {choice === "transfer" ? (
        <Field id="close-successor" label={t("successor")} error={fieldError(errors.successorId)}>
          <OrgPick
            id="close-successor"
            orgId={org.id}
            level="GRASSROOTS"
            placeholder={t("search")}
            value={chosen?.id ?? 0}
            invalid={!!errors.successorId}
            onChange={(o) => {
              setChosen(o);
              form.setValue("successorId", o.id, { shouldValidate: true });
            }}
          />
        </Field>
      ) : null}
      <Button type="submit" variant="danger">
        {t("submit")}
      </Button>
    </form>
  );
}
