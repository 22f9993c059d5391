import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { listMyTasks } from "../server/list-tasks";
import { DueLabel, KindBadge, ProgressBar, StatusBadge } from "./task-badges";
import { LightBadge } from "@/features/lights/components/light-badge";

type TItem = Awaited<ReturnType<typeof listMyTasks>>[number];

/** Phone first: one card per task with a big "log progress" button (two taps to the form). */
export function MyTaskCards({ items, today, showLog }: { items: TItem[]; today: Date; showLog: boolean }) {
  const t = useTranslations("tasks");
  const format = useFormatter();
  return (
    <ul className="grid gap-3 sm:grid-cols-2" data-testid="my-tasks">
      {items.map((task) => (
        <li key={task.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-center gap-1.5">
            <StatusBadge status={task.status} />
            <LightBadge light={task.light} />
            <KindBadge kind={task.kind} />
            <DueLabel status={task.status} dueDate={task.dueDate} today={today} />
          </div>
          <Link
            href={`/tasks/${task.id}`}
            className="mt-2 block font-medium text-slate-900 hover:text-brand-700"
          >
            <span className="mr-1 font-mono text-xs text-slate-500">{task.objective.code}</span>
            {task.objective.title}
          </Link>
          <p className="mt-1 text-xs text-slate-500">
            {task.org.name} ·{" "}
            {task.lastProgressAt
              ? t("my.lastLogged", { date: format.dateTime(task.lastProgressAt, { dateStyle: "medium" }) })
              : t("my.never")}
          </p>
          <div className="mt-2">
            <ProgressBar value={task.progress} label={t("field.progress")} />
          </div>
          {showLog && task.status === "IN_PROGRESS" ? (
            <Link
              href={`/tasks/${task.id}/progress`}
              className="mt-3 flex h-11 items-center justify-center rounded-md bg-brand-600 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t("action.logProgress")}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
