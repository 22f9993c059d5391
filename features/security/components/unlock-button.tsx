"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { unlockLoginAction } from "../actions";

export function UnlockButton({ id }: { id: number }) {
  const t = useTranslations("loginLocks");
  const router = useRouter();
  const feedback = useActionFeedback();
  return (
    <ConfirmButton
      label={t("unlock")}
      title={t("unlock")}
      body={t("confirmUnlock")}
      confirmLabel={t("unlock")}
      cancelLabel={t("cancel")}
      variant="secondary"
      onConfirm={async () => {
        if (!feedback(await unlockLoginAction({ id }))) return;
        toast.success(t("unlocked"));
        router.refresh();
      }}
    />
  );
}
