"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The second step of a change: what will happen, then confirm or go back to the form. */
export function ConfirmStep({
  text,
  busy,
  onConfirm,
  onBack,
}: {
  text: string;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const t = useTranslations("orgChanges");
  return (
    <div className="grid gap-3" data-testid="confirm-step">
      <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{text}</p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onBack} disabled={busy}>
          {t("back")}
        </Button>
        <Button
          type="button"
          variant="danger"
          onClick={onConfirm}
          disabled={busy}
          data-testid="confirm-change"
        >
          {t("confirm")}
        </Button>
      </div>
    </div>
  );
}
