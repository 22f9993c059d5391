import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { TaskFilters } from "@/features/tasks/components/task-filters";
import { TaskList } from "@/features/tasks/components/task-list";
import { chinaToday } from "@/lib/dates";
import { ZTaskFilters } from "@/features/tasks/schemas";
import { getFilterOptions } from "@/features/tasks/server/filter-options";
import { listTasks } from "@/features/tasks/server/list-tasks";
import { getCurrentPlan } from "@/features/plans/server/current-plan";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("tasks.title");

export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  // Business pages: the three administrators (三员分立) hold no objective:read.
  const user = await requirePagePermission("objective:read");
  const t = await getTranslations("tasks");
  const parsed = ZTaskFilters.parse(await searchParams);
  // Only the current plan's tasks (?plan= makes another visible plan current).
  const { current } = await getCurrentPlan(user, parsed.plan);
  const filters = { ...parsed, plan: current?.codePrefix };
  const today = chinaToday();
  const [page, options] = await Promise.all([
    listTasks(user, filters, today),
    getFilterOptions(user, filters.org, current?.id),
  ]);
  const { cursor, plan: _plan, ...params } = filters;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {user.permissions.has("task:assign") ? (
              <Button asChild>
                <Link href="/tasks/new">{t("new")}</Link>
              </Button>
            ) : null}
            {user.permissions.has("task:claim") ? (
              <Button asChild variant="secondary">
                <Link href="/tasks/claim">{t("claim")}</Link>
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <TaskFilters
          filters={filters}
          mainTasks={options.mainTasks}
          orgName={options.orgName}
          children={options.children}
        />
        {filters.counted ? (
          <p
            className="border-b border-slate-100 px-4 py-2 text-xs text-slate-600"
            data-testid="counted-note"
          >
            {t("filters.counted")}{" "}
            <Link
              className="text-brand-700 hover:underline"
              href={`/tasks?${new URLSearchParams(
                Object.entries(params)
                  .filter((e): e is [string, string | number] => e[0] !== "counted" && e[1] !== undefined)
                  .map(([k, v]) => [k, String(v)]),
              ).toString()}`}
            >
              {t("filters.countedAll")}
            </Link>
          </p>
        ) : null}
        {page.items.length ? (
          <TaskList items={page.items} today={today} />
        ) : (
          <EmptyState title={t("empty")} hint={t("emptyHint")} />
        )}
        <Pager
          basePath="/tasks"
          params={Object.fromEntries(
            Object.entries(params).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
          )}
          nextCursor={page.nextCursor}
          isFirst={!cursor}
          labels={{ first: t("first"), next: t("loadMore") }}
        />
      </Card>
    </>
  );
}
