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
import { mergeOrgAction } from "../../actions";
import { ZMergeOrg } from "../../schemas";
import { ConfirmStep } from "./confirm-step";
import { OpenTasksChoice } from "./open-tasks-choice";
import { OrgPick, type TPickedOrg } from "./org-pick";
import { useConfirmedChange } from "./use-confirmed-change";

type TMerge = z.input<typeof ZMergeOrg>;

/** 合并: choose the union to merge into and what happens to the open tasks, then confirm. */
export function MergeOrgForm({ org, onDone }: { org: { id: number; name: string }; onDone: () => void }) {
  const t = useTranslations("orgChanges.merge");
  const fieldError = useFieldError();
  const [chosen, setChosen] = useState<TPickedOrg | null>(null);
  const form = useForm<TMerge>({
    resolver: zodResolver(ZMergeOrg),
    defaultValues: { orgId: org.id, tasks: undefined, reason: "" },
  });
  const change = useConfirmedChange<TMerge>({
    setError: form.setError,
    run: (v) => mergeOrgAction(v),
    onDone: () => {
      toast.success(t("done", { to: chosen?.name ?? "" }));
      onDone();
    },
  });
  const { errors } = form.formState;
  if (change.pending)
    return (
      <ConfirmStep
        text={t("confirm", { org: org.name, to: chosen?.name ?? "" })}
        busy={change.busy}
        onConfirm={change.confirm}
        onBack={change.back}
      />
    );
  return (
    <form noValidate onSubmit={form.handleSubmit(change.hold)} className="grid gap-3">
      <Field id="merge-into" label={t("into")} error={fieldError(errors.intoId)}>
        <OrgPick
          id="merge-into"
          orgId={org.id}
          level="GRASSROOTS"
          placeholder={t("search")}
          value={chosen?.id ?? 0}
          invalid={!!errors.intoId}
          onChange={(o) => {
            setChosen(o);
            form.setValue("intoId", o.id, { shouldValidate: true });
          }}
        />
      </Field>
      <OpenTasksChoice
        orgId={org.id}
        successorId={chosen?.id}
        transferLabel={t("transfer")}
        choice={form.watch("tasks")}
        choiceField={form.register("tasks")}
        choiceError={fieldError(errors.tasks)}
        reasonField={form.register("reason")}
        reasonError={fieldError(errors.reason)}
      />
      <Button type="submit">{t("submit")}</Button>
    </form>
  );
}
