import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { getDb } from "@/lib/db/client";
import { formatDay } from "@/lib/dates";
import { readTaskReporting, type TTaskPeriodStatus } from "../server/read-task-reporting";

const TONE: Record<TTaskPeriodStatus, string> = {
  ON_TIME: "bg-emerald-50 text-emerald-800",
  LATE: "bg-amber-50 text-amber-800",
  MISSING: "bg-red-50 text-red-800",
  PENDING: "bg-slate-100 text-slate-700",
};

/**
 * The task page's 定期报送: what is required of the task and how its latest periods stand (nothing
 * when no rule covers it). Only for a task the page found in the user's scope (getTaskDetail).
 */
export async function TaskReportingCard({
  task,
  today,
}: {
  task: { id: number; objectiveId: number };
  today: Date;
}) {
  const { rules, periods } = await readTaskReporting(getDb(), task);
  if (rules.length === 0 && periods.length === 0) return null;
  const t = await getTranslations("reportingRules");
  return (
    <Card data-testid="task-reporting">
      <CardHeader title={t("title")} />
      <div className="grid gap-3 p-4 text-sm">
        {rules.map((r) => (
          <p key={r.id} className="break-words">
            <span className="font-medium text-slate-800">
              {t(`rule.${r.frequency}`, {
                day: r.frequency === "WEEKLY" ? t(`weekday.${r.dueDay}` as "weekday.1") : r.dueDay,
              })}
            </span>
            <span className="text-slate-500">
              {" · "}
              {t("range", { start: formatDay(r.startDate), end: formatDay(r.endDate) })}
              {" · "}
              {t("task.setBy", { org: r.orgName })}
            </span>
          </p>
        ))}
        {periods.length === 0 ? (
          <p className="text-slate-500">{t("task.noPeriods")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {periods.map((p) => (
              <li
                key={p.id}
                data-testid={`task-period-${p.id}`}
                className="flex flex-wrap items-center justify-between gap-2 px-3 py-2"
              >
                <span className="tabular-nums text-slate-700">
                  {t("range", { start: formatDay(p.startDate), end: formatDay(p.endDate) })}
                  <span className="ml-1 text-xs text-slate-500">
                    {t("task.due", { day: formatDay(p.dueDate) })}
                  </span>
                </span>
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONE[p.status]}`}>
                  {t(`task.status.${p.status}`)}
                  {p.status === "PENDING" && today > p.dueDate ? t("task.pastDue") : null}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="text-xs text-slate-500">{t("task.hint")}</p>
      </div>
    </Card>
  );
}
