"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { runJobNowAction } from "../actions";
import type { TJobName } from "../lib/names";

/** 立即运行: queues one run (PostgreSQL) or runs it here (embedded PGlite), then refreshes the list. */
export function RunNowButton({ name }: { name: TJobName }) {
  const t = useTranslations("jobs");
  const router = useRouter();
  const feedback = useActionFeedback();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      data-testid={`run-now-${name}`}
      onClick={() =>
        start(async () => {
          const result = await runJobNowAction({ name });
          if (!feedback(result) || !result.ok) return;
          const { outcome } = result.data;
          if (outcome === "FAILED" || outcome === "BUSY") toast.error(t(`outcome.${outcome}`));
          else toast.success(t(`outcome.${outcome}`));
          router.refresh();
        })
      }
    >
      {pending ? t("running") : t("runNow")}
    </Button>
  );
}
