import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getHomeStats } from "@/features/home/server/get-home-stats";
import { CompletionTiles } from "@/features/rollups/components/completion-tiles";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { getCurrentPlan } from "@/features/plans/server/current-plan";
import { TaskSummaryTiles } from "@/features/tasks/components/task-summary-tiles";
import { getTaskSummary } from "@/features/tasks/server/get-task-summary";
import { OrgList } from "@/features/organizations/components/org-list";
import type { TPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("titles.home");

export default async function HomePage() {
  const user = await requireUser();
  const t = await getTranslations();
  const can = (p: TPermission) => user.permissions.has(p);
  // Task figures are business data: the three administrators (三员分立, no objective:read) see none.
  const business = can("objective:read");
  // Objectives and completion figures of the current plan.
  const { current } = business ? await getCurrentPlan(user) : { current: null };
  const [stats, summary, completion] = await Promise.all([
    getHomeStats(user, current?.id),
    business ? getTaskSummary(user) : null,
    user.permissions.has("report:read")
      ? getCompletion(user, { orgId: user.orgId, plan: current?.codePrefix }) // the replica when there is one
      : null,
  ]);
  const tiles = [
    ...(business
      ? [
          { label: t("home.mainTasks"), value: stats.mainTasks, href: "/objectives" },
          { label: t("home.measures"), value: stats.measures, href: "/objectives" },
        ]
      : []),
    { label: t("home.orgsInScope"), value: stats.orgs, href: can("org:read") ? "/orgs" : undefined },
    {
      label: t("home.usersInScope"),
      value: stats.users,
      href: user.permissions.has("user:manage") ? "/users" : undefined,
    },
  ];
  return (
    <>
      <section className="mb-5 rounded-lg bg-gradient-to-r from-brand-700 to-brand-600 px-4 py-5 text-white sm:px-6">
        <h1 className="text-xl font-bold sm:text-2xl">{t("home.welcome", { name: user.name })}</h1>
        <p className="mt-1 text-sm text-white/90">
          {user.orgName} · {t(`roles.${user.role}`)}
        </p>
        <p className="mt-3 text-sm text-white/90">{t(`home.roleIntro.${user.role}`)}</p>
      </section>
      {summary && <TaskSummaryTiles summary={summary} orgId={user.orgId} />}
      <div className="mb-5 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {tiles.map((tile) => {
          const body = (
            <>
              <p className="text-sm text-slate-600">{tile.label}</p>
              <p
                className="mt-1 text-2xl font-bold text-slate-900 tabular-nums"
                data-testid={`stat-${tile.label}`}
              >
                {tile.value.toLocaleString()}
              </p>
            </>
          );
          return tile.href ? (
            <Link
              key={tile.label}
              href={tile.href}
              className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
            >
              {body}
            </Link>
          ) : (
            <div key={tile.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              {body}
            </div>
          );
        })}
      </div>
      {completion ? (
        <section className="mb-5" aria-labelledby="home-completion">
          <div className="mb-2 flex items-center justify-between">
            <h2 id="home-completion" className="text-base font-semibold text-slate-800">
              {t("completion.title")}
            </h2>
            <Link href="/completion" className="text-sm text-brand-700 hover:underline">
              {t("home.openCompletion")} →
            </Link>
          </div>
          <CompletionTiles m={completion.region} />
        </section>
      ) : null}
      <Card>
        <CardHeader
          title={t("home.childrenTitle")}
          action={
            stats.children.length ? (
              <Link href="/orgs" className="text-sm text-brand-700 hover:underline">
                {t("home.browseOrgs")} →
              </Link>
            ) : null
          }
        />
        {stats.children.length ? (
          <OrgList items={stats.children} />
        ) : (
          <EmptyState title={t("home.noChildren")} />
        )}
      </Card>
    </>
  );
}
