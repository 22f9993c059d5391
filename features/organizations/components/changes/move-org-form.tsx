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
import { moveOrgAction } from "../../actions";
import { ZMoveOrg } from "../../schemas";
import { ConfirmStep } from "./confirm-step";
import { OpenTasksChoice } from "./open-tasks-choice";
import { OrgPick, type TPickedOrg } from "./org-pick";
import { useConfirmedChange } from "./use-confirmed-change";

type TMove = z.input<typeof ZMoveOrg>;

/** 调整隶属: choose the new county and what happens to the open tasks, then confirm. */
export function MoveOrgForm({ org, onDone }: { org: { id: number; name: string }; onDone: () => void }) {
  const t = useTranslations("orgChanges.move");
  const fieldError = useFieldError();
  const [chosen, setChosen] = useState<TPickedOrg | null>(null);
  const form = useForm<TMove>({
    resolver: zodResolver(ZMoveOrg),
    defaultValues: { orgId: org.id, tasks: undefined, reason: "" },
  });
  const change = useConfirmedChange<TMove>({
    setError: form.setError,
    run: (v) => moveOrgAction(v),
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
      <Field id="move-county" label={t("county")} error={fieldError(errors.parentId)}>
        <OrgPick
          id="move-county"
          orgId={org.id}
          level="COUNTY"
          placeholder={t("search")}
          value={chosen?.id ?? 0}
          invalid={!!errors.parentId}
          onChange={(o) => {
            setChosen(o);
            form.setValue("parentId", o.id, { shouldValidate: true });
          }}
        />
      </Field>
      <OpenTasksChoice
        orgId={org.id}
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
