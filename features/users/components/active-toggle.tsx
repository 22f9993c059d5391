"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { setUserActiveAction } from "../actions";

export function ActiveToggle({ id, active }: { id: number; active: boolean }) {
  const t = useTranslations("users");
  const router = useRouter();
  const feedback = useActionFeedback();
  const label = active ? t("deactivate") : t("activate");
  return (
    <ConfirmButton
      label={label}
      title={label}
      body={active ? t("confirmDeactivate") : label}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      variant={active ? "danger" : "secondary"}
      onConfirm={async () => {
        if (!feedback(await setUserActiveAction({ id, active: !active }))) return;
        toast.success(active ? t("deactivated") : t("activated"));
        router.refresh();
      }}
    />
  );
}
