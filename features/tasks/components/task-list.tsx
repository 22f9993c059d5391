import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TTaskRow } from "../server/list-tasks";
import { DueLabel, KindBadge, ProgressBar, StatusBadge } from "./task-badges";
import { LightBadge } from "@/features/lights/components/light-badge";

/** One card per task: readable at 360 px and scannable on a desktop. */
export function TaskList({
  items,
  today,
  showOrg = true,
}: {
  items: TTaskRow[];
  today: Date;
  showOrg?: boolean;
}) {
  const t = useTranslations("tasks");
  const p = useTranslations("punct");
  return (
    <ul className="divide-y divide-slate-100" data-testid="task-list">
      {items.map((task) => (
        <li key={task.id}>
          <Link
            href={`/tasks/${task.id}`}
            className="block px-4 py-3 hover:bg-slate-50"
            data-testid="task-row"
          >
            <div className="flex flex-wrap items-center gap-1.5">
              <StatusBadge status={task.status} />
              <LightBadge light={task.light} />
              <KindBadge kind={task.kind} />
              {task.priority === "URGENT" || task.priority === "HIGH" ? (
                <span className="text-xs font-medium text-brand-700">{t(`priority.${task.priority}`)}</span>
              ) : null}
              <span className="ml-auto">
                <DueLabel status={task.status} dueDate={task.dueDate} today={today} />
              </span>
            </div>
            <p className="mt-1.5 font-medium text-slate-900">
              <span className="mr-1.5 font-mono text-xs text-slate-500">{task.objective.code}</span>
              {task.objective.title}
            </p>
            <div className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600">
              {showOrg ? <span data-testid="task-org">{task.org.name}</span> : null}
              <span>
                {t("field.reviewOrg")}
                {p("colon")}
                {task.reviewOrg.name}
              </span>
              <span>
                {t("field.responsible")}
                {p("colon")}
                {task.responsible?.name ?? t("field.none")}
              </span>
            </div>
            {/* Why a task came back (e.g. 审核 › 被退回的任务): the assigner decides from it. */}
            {task.lastReason && task.status === "HANDED_BACK" ? (
              <p className="mt-1.5 text-sm text-amber-900" data-testid="handback-reason">
                {t("detail.reason.HANDED_BACK")}
                {p("colon")}
                {task.lastReason}
              </p>
            ) : null}
            <div className="mt-2 max-w-md">
              <ProgressBar value={task.progress} label={t("field.progress")} />
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
