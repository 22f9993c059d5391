import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { TTaskDetail } from "../server/get-task-detail";
import { DueLabel, KindBadge, ProgressBar, StatusBadge } from "./task-badges";

/** Title, badges and the facts of one task. */
export function TaskOverview({ detail, today }: { detail: TTaskDetail; today: Date }) {
  const t = useTranslations("tasks");
  const p = useTranslations("punct");
  const format = useFormatter();
  const { task } = detail;
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex gap-2 py-1.5 text-sm">
      <dt className="w-24 shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 flex-1 text-slate-900">{value}</dd>
    </div>
  );
  const reasonKey =
    task.status === "HANDED_BACK" || task.status === "IN_PROGRESS" || task.status === "CANCELLED"
      ? task.status
      : null;
  return (
    <>
      <div className="mb-2 flex flex-wrap items-center gap-1.5">
        <StatusBadge status={task.status} />
        <KindBadge kind={task.kind} />
        <DueLabel status={task.status} dueDate={task.dueDate} today={today} />
      </div>
      <h1 className="text-lg font-bold text-slate-900 sm:text-xl">
        <span className="mr-2 font-mono text-sm text-slate-500">{task.objective.code}</span>
        {task.objective.title}
      </h1>
      {task.lastReason && reasonKey ? (
        <p
          role="status"
          className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="last-reason"
        >
          {t(`detail.reason.${reasonKey}`)}
          {p("colon")}
          {task.lastReason}
        </p>
      ) : null}
      {task.status === "SUBMITTED" ? (
        <p
          role="status"
          className="mt-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
          data-testid="awaiting-review"
        >
          {t("detail.awaitingReview", {
            org: task.reviewOrg.name,
            date: task.submittedAt ? format.dateTime(task.submittedAt, { dateStyle: "medium" }) : "—",
          })}
        </p>
      ) : null}
      <div className="mt-3 max-w-md">
        <ProgressBar value={task.progress} label={t("field.progress")} />
      </div>
      <dl className="mt-3 grid divide-y divide-slate-100 sm:grid-cols-2 sm:divide-y-0">
        {row(t("field.org"), task.org.name)}
        {row(t("field.reviewOrg"), task.reviewOrg.name)}
        {row(t("field.due"), task.dueDate.toISOString().slice(0, 10))}
        {row(t("field.priority"), t(`priority.${task.priority}`))}
        {row(
          t("field.responsible"),
          <span data-testid="responsible">{task.responsible?.name ?? t("field.none")}</span>,
        )}
        {row(
          t("field.helpers"),
          task.helpers.length ? task.helpers.map((h) => h.user.name).join(p("listSep")) : t("field.none"),
        )}
        {row(t("field.state"), t(`state.${task.progressState}`))}
        {task.targetValue !== null
          ? row(
              t("field.target"),
              `${task.targetValue.toString()} ${task.targetUnit ?? ""}${p("paren", { text: `${t("field.actual")} ${task.actualValue?.toString() ?? 0}` })}`,
            )
          : null}
        {row(t("field.mainTask"), `${task.mainTask.code} ${task.mainTask.title}`)}
        {task.parentTask
          ? row(
              t("field.parent"),
              <Link className="text-brand-700 hover:underline" href={`/tasks/${task.parentTask.id}`}>
                {task.parentTask.orgName}
              </Link>,
            )
          : null}
        {task.note ? row(t("field.note"), task.note) : null}
      </dl>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-600">{t("field.source")}</summary>
        <p className="mt-1 rounded bg-slate-50 p-3 leading-relaxed text-slate-700">
          {task.objective.sourceText}
        </p>
      </details>
    </>
  );
}
