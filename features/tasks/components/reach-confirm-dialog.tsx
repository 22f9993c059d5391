"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Asks before a 下达 that reaches many orgs, naming how many orgs and tasks it makes. */
export function ReachConfirmDialog({
  pending,
  busy,
  onCancel,
  onConfirm,
}: {
  pending: { orgs: number; tasks: number } | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useTranslations("tasks.assign");
  return (
    <Dialog.Root open={!!pending} onOpenChange={(o) => (o ? null : onCancel())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl"
          data-testid="reach-confirm"
        >
          <Dialog.Title className="text-lg font-semibold">{t("confirmTitle")}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-700">
            {pending ? t("confirmBody", pending) : null}
          </Dialog.Description>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={onCancel} disabled={busy}>
              {t("confirmCancel")}
            </Button>
            <Button onClick={onConfirm} disabled={busy}>
              {pending ? t("confirmSend", { orgs: pending.orgs }) : null}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
