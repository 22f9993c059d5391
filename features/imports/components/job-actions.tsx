"use client";
import { Download } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { cancelImportAction, confirmImportAction } from "../actions";

type TCounts = { newCount: number; changedCount: number; errorCount: number };

/** 下载错误报告, 确认导入 (after a confirmation dialog) and 取消 for a job awaiting confirmation. */
export function JobActions({
  jobId,
  counts,
  canDecide,
}: {
  jobId: number;
  counts: TCounts;
  canDecide: boolean;
}) {
  const t = useTranslations("imports");
  const router = useRouter();
  const feedback = useActionFeedback();
  return (
    <div className="flex flex-wrap gap-2 p-4">
      {counts.errorCount > 0 ? (
        <Button asChild variant="secondary">
          <a href={`/api/imports/${jobId}/errors`} download>
            <Download className="size-4" aria-hidden />
            {t("job.downloadErrors")}
          </a>
        </Button>
      ) : null}
      <Button asChild variant="ghost">
        <a href={`/api/imports/${jobId}/errors?rows=all`} download>
          {t("job.downloadAll")}
        </a>
      </Button>
      {canDecide ? (
        <>
          <ConfirmButton
            variant="secondary"
            label={t("job.confirm")}
            title={t("job.confirmTitle")}
            body={t("job.confirmBody", {
              new: counts.newCount,
              changed: counts.changedCount,
              errors: counts.errorCount,
            })}
            confirmLabel={t("job.confirmYes")}
            cancelLabel={t("job.confirmNo")}
            onConfirm={async () => {
              if (feedback(await confirmImportAction({ id: jobId }))) router.refresh();
            }}
          />
          <Button
            variant="ghost"
            onClick={async () => {
              if (feedback(await cancelImportAction({ id: jobId }))) router.refresh();
            }}
          >
            {t("job.cancel")}
          </Button>
        </>
      ) : null}
    </div>
  );
}
