"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { nudgeChildrenAction } from "../actions";

/** 催办 every unsigned or overdue sub-task at once, after a confirmation naming how many. */
export function NudgeChildrenForm({
  taskId,
  count,
  onDone,
}: {
  taskId: number;
  count: number;
  onDone: () => void;
}) {
  const t = useTranslations("tasks");
  const router = useRouter();
  const feedback = useActionFeedback();
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="grid gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const result = await nudgeChildrenAction({ taskId, message });
        setBusy(false);
        if (!feedback(result) || !result.ok) return;
        const n = result.data.nudged;
        if (n) toast.success(t("nudgeChildren.done", { count: n }));
        else toast.info(t("nudgeChildren.none"));
        onDone();
        router.refresh();
      }}
    >
      <p className="text-sm text-slate-700" data-testid="nudge-children-confirm">
        {t("nudgeChildren.confirm", { count })}
      </p>
      <Field id="nudge-children-message" label={t("form.nudgeMessage")}>
        <Input
          id="nudge-children-message"
          maxLength={200}
          placeholder={t("form.nudgePlaceholder")}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        {t("nudgeChildren.submit", { count })}
      </Button>
    </form>
  );
}
