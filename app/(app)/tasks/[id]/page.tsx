import { formatDay } from "@/lib/dates";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, CardHeader } from "@/components/ui/card";
import { CommentForm } from "@/features/tasks/components/simple-forms";
import { TaskActions } from "@/features/tasks/components/task-actions";
import { TaskOverview } from "@/features/tasks/components/task-overview";
import {
  ChildTasks,
  ExtensionList,
  ProgressHistory,
  ReportList,
} from "@/features/tasks/components/task-records";
import { TaskTimeline } from "@/features/tasks/components/task-timeline";
import { TaskIndicatorsCard } from "@/features/indicators/components/task-indicators-card";
import { TaskLight } from "@/features/lights/components/task-light";
import { TaskReportingCard } from "@/features/reporting/components/task-reporting-card";
import { chinaToday } from "@/lib/dates";
import { getTaskDetail, listOrgStaff } from "@/features/tasks/server/get-task-detail";
import { requirePagePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("titles.task");

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  // Business pages: the three administrators (三员分立) hold no objective:read.
  const user = await requirePagePermission("objective:read");
  const id = parseId((await params).id);
  // Outside the user's scope and non-existent look the same: not found.
  const detail =
    id !== null
      ? await getTaskDetail(user, id).catch((e) => {
          if (isAppError(e)) return null;
          throw e;
        })
      : null;
  if (!detail) notFound();
  const t = await getTranslations("tasks");
  const p = await getTranslations("punct");
  const { task } = detail;
  const staff = detail.actions.includes("assignStaff") ? await listOrgStaff(task.orgId) : [];
  const pending = detail.extensions.find((e) => e.status === "PENDING");
  const count = (...s: string[]) => s.reduce((n, k) => n + (detail.childCounts[k] ?? 0), 0);
  return (
    <>
      <Breadcrumb
        label={t("detail.back")}
        items={[{ label: t("title"), href: "/tasks" }, { label: task.objective.code }]}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="grid content-start gap-4 lg:col-span-2">
          <Card className="p-4">
            <TaskLight user={user} taskId={task.id} today={chinaToday()} />
            <TaskOverview detail={detail} today={chinaToday()} />
          </Card>
          <TaskIndicatorsCard task={task} />
          <TaskReportingCard task={task} today={chinaToday()} />
          <Card>
            <CardHeader title={t("detail.actions")} />
            <div className="p-4">
              <TaskActions
                taskId={task.id}
                version={task.version}
                actions={detail.actions}
                dueDate={task.dueDate.toISOString().slice(0, 10)}
                staff={staff}
                current={{ responsibleId: task.responsibleId, helperIds: task.helpers.map((h) => h.user.id) }}
                reviewOrgName={task.reviewOrg.name}
                subTasks={{
                  unsigned: count("PENDING_SIGN", "HANDED_BACK"),
                  open: count("IN_PROGRESS", "SUBMITTED"),
                  nudgeable: detail.nudgeableChildren,
                }}
                pendingExtension={
                  pending
                    ? {
                        id: pending.id,
                        label: `${pending.requestedBy.name}${p("colon")}${t("review.ask", {
                          from: formatDay(pending.fromDue),
                          to: formatDay(pending.toDue),
                        })}${p("paren", { text: pending.reason })}`,
                      }
                    : null
                }
              />
            </div>
          </Card>
          <Card>
            <CardHeader title={t("detail.progressHistory")} />
            <ProgressHistory items={detail.progresses} />
          </Card>
          {detail.reports.length ? (
            <Card>
              <CardHeader title={t("detail.reports")} />
              <ReportList items={detail.reports} />
            </Card>
          ) : null}
          {detail.extensions.length ? (
            <Card>
              <CardHeader title={t("detail.extensions")} />
              <ExtensionList items={detail.extensions} />
            </Card>
          ) : null}
          {detail.children.length ? (
            <Card>
              <CardHeader title={t("detail.children")} />
              <ChildTasks items={detail.children} counts={detail.childCounts} />
            </Card>
          ) : null}
        </div>
        <Card className="content-start self-start">
          <CardHeader title={t("detail.timeline")} />
          <TaskTimeline events={detail.events} />
          {detail.actions.includes("comment") ? (
            <div className="border-t border-slate-100 p-3">
              <CommentForm taskId={task.id} />
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
