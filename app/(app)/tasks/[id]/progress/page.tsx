import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ProgressForm } from "@/features/tasks/components/progress-form";
import { getTaskDetail } from "@/features/tasks/server/get-task-detail";
import { getTaskIndicators } from "@/features/indicators/server/task-indicators";
import { requirePagePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("tasks.progressPage.title");

export default async function LogProgressPage({ params }: { params: Promise<{ id: string }> }) {
  // Business pages: the three administrators (三员分立) hold no objective:read.
  const user = await requirePagePermission("objective:read");
  const id = parseId((await params).id);
  const detail =
    id !== null
      ? await getTaskDetail(user, id).catch((e) => {
          if (isAppError(e)) return null;
          throw e;
        })
      : null;
  if (!detail) notFound();
  const t = await getTranslations("tasks");
  const { task } = detail;
  const allowed = detail.actions.includes("logProgress");
  const indicators = allowed ? await getTaskIndicators(task) : [];
  return (
    <div className="mx-auto max-w-xl">
      <Link href={`/tasks/${task.id}`} className="text-sm text-brand-700 hover:underline">
        ← {t("progressPage.back")}
      </Link>
      <h1 className="mt-2 text-lg font-bold">{t("progressPage.title")}</h1>
      <p className="mb-3 text-sm text-slate-600">
        <span className="font-mono">{task.objective.code}</span> {task.objective.title}
      </p>
      <Card className="p-4">
        {allowed ? (
          <ProgressForm
            taskId={task.id}
            version={task.version}
            current={{ percent: Math.round(task.progress), state: task.progressState }}
            derived={detail.derivedProgress}
            hasTarget={task.targetValue !== null}
            targetUnit={task.targetUnit}
            indicators={indicators}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("detail.noActions")}</p>
        )}
      </Card>
    </div>
  );
}
