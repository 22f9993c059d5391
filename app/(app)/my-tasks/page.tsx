import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { MyTaskCards } from "@/features/tasks/components/my-task-cards";
import { OrgTodoLinks } from "@/features/tasks/components/org-todo-links";
import { getTaskSummary } from "@/features/tasks/server/get-task-summary";
import { chinaToday } from "@/lib/dates";
import { listMyTasks } from "@/features/tasks/server/list-tasks";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("tasks.my.title");

export default async function MyTasksPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  // Business pages: the three administrators (三员分立) hold no objective:read.
  const user = await requirePagePermission("objective:read");
  const t = await getTranslations("tasks.my");
  const done = (await searchParams).done === "1";
  const [items, summary] = await Promise.all([listMyTasks(user, done), done ? null : getTaskSummary(user)]);
  // What the user's org waits for the user to sign or review (counted in 我的待办 on the home page).
  const toSign = summary && user.permissions.has("task:handle") ? summary.toSign : 0;
  const toReview = summary?.toReview ?? 0;
  const tab = (active: boolean, href: string, label: string) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={
        active
          ? "rounded-full bg-brand-600 px-4 py-1.5 text-sm text-white"
          : "rounded-full bg-white px-4 py-1.5 text-sm text-slate-700 ring-1 ring-slate-200"
      }
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-3 flex gap-2">
        {tab(!done, "/my-tasks", t("open"))}
        {tab(done, "/my-tasks?done=1", t("done"))}
      </div>
      <OrgTodoLinks orgId={user.orgId} toSign={toSign} toReview={toReview} />
      {items.length ? (
        <MyTaskCards items={items} today={chinaToday()} showLog={!done} />
      ) : (
        <Card>
          {toSign || toReview ? (
            <EmptyState title={t("emptyMine")} />
          ) : (
            <EmptyState title={t("empty")} hint={t("emptyHint")} />
          )}
        </Card>
      )}
    </>
  );
}
