"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { usePlanErrorText, usePlanFieldText } from "@/features/plan-import/components/use-plan-error";
import { planEditRetireAction } from "../actions";

/** 停用 a measure; with open tasks, the editor chooses: keep them running, or cancel them with a reason. */
export function RetireDialog({ id, code, openTasks }: { id: number; code: string; openTasks: number }) {
  const t = useTranslations("planEdit");
  const errorText = usePlanErrorText();
  const fieldText = usePlanFieldText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<"keep" | "cancel">("keep");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(undefined);
    const input = openTasks > 0 ? { objectiveId: id, openTasks: choice, reason } : { objectiveId: id };
    const r = await planEditRetireAction(input);
    setBusy(false);
    if (!r.ok) {
      const field = r.fieldErrors?.reason;
      return field ? setError(fieldText(field)) : toast.error(errorText(r.code));
    }
    toast.success(t("retiredDone", r.data));
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button size="sm" variant="danger">
          {t("retire")}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{t("retireTitle", { code })}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-600">{t("retireHint")}</Dialog.Description>
          {openTasks > 0 ? (
            <fieldset className="mt-3 grid gap-2 text-sm">
              <legend className="mb-1 font-medium text-slate-800">
                {t("retireOpen", { count: openTasks })}
              </legend>
              {(["keep", "cancel"] as const).map((c) => (
                <label key={c} className="flex items-start gap-2">
                  <input
                    type="radio"
                    name="openTasks"
                    checked={choice === c}
                    onChange={() => setChoice(c)}
                    className="mt-1"
                  />
                  <span>{c === "keep" ? t("keep") : t("cancelTasks")}</span>
                </label>
              ))}
              {choice === "cancel" ? (
                <label className="grid gap-1">
                  <span className="font-medium text-slate-700">{t("reason")}</span>
                  <textarea
                    rows={3}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    aria-invalid={!!error}
                    className="w-full rounded-md border border-slate-300 p-2"
                  />
                  {error ? (
                    <span role="alert" className="text-xs text-red-700">
                      {error}
                    </span>
                  ) : null}
                </label>
              ) : null}
            </fieldset>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">{t("cancel")}</Button>
            </Dialog.Close>
            <Button onClick={confirm} disabled={busy}>
              {t("confirmRetire")}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
