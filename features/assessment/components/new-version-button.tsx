"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { newSchemeVersionAction } from "../actions-schemes";

/** 发布新版本 on a published version: a draft of the next version (or the series' draft), then its page. */
export function NewVersionButton({ schemeId }: { schemeId: number }) {
  const t = useTranslations("assessmentSchemes");
  const router = useRouter();
  const feedback = useActionFeedback();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      disabled={busy}
      title={t("newVersionHint")}
      onClick={async () => {
        setBusy(true);
        try {
          const r = await newSchemeVersionAction({ schemeId });
          if (!feedback(r) || !r.ok) return;
          toast.success(t("created"));
          router.push(`/assessment/${r.data.schemeId}`);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t("newVersion")}
    </Button>
  );
}
