import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { getObjective } from "@/features/objectives/server/get-objective";
import { getCurrentPlan } from "@/features/plans/server/current-plan";
import { ObjectiveTaskSummary } from "@/features/tasks/components/objective-task-summary";
import { getObjectiveTaskSummary } from "@/features/tasks/server/get-objective-task-summary";
import { requirePagePermission } from "@/lib/auth/session";
import { planPrefixOf } from "@/lib/objective-code";

type TProps = { params: Promise<{ code: string }> };

/** The objective, only when its plan is one the user sees (otherwise it does not exist for them). */
async function getVisibleObjective(code: string) {
  const user = await requirePagePermission("objective:read");
  const { plans } = await getCurrentPlan(user);
  const o = plans.some((p) => p.codePrefix === planPrefixOf(code)) ? await getObjective(code) : null;
  return { user, o };
}

export async function generateMetadata({ params }: TProps) {
  const { o } = await getVisibleObjective((await params).code);
  return { title: o ? `${o.code} ${o.title}` : undefined };
}

export default async function ObjectivePage({ params }: TProps) {
  const { user, o } = await getVisibleObjective((await params).code);
  const t = await getTranslations();
  if (!o) notFound();
  const summary = await getObjectiveTaskSummary(user, o.code);
  const crumbs = [
    { label: t("planList.objectivesTitle"), href: "/objectives" },
    ...o.ancestors.slice(1).map((a) => ({ label: `${a.code} ${a.title}`, href: `/objectives/${a.code}` })),
    { label: o.code },
  ];
  return (
    <>
      <Breadcrumb items={crumbs} label={t("common.breadcrumb")} />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <Badge tone={o.level === "MEASURE" ? "blue" : "red"}>{t(`objectiveLevels.${o.level}`)}</Badge>
        <span className="font-mono text-sm text-slate-500">{o.code}</span>
      </div>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-xl font-bold text-slate-900 sm:text-2xl">{o.title}</h1>
        {user.permissions.has("task:assign") ? (
          <Button asChild className="w-full sm:w-auto">
            <Link href={`/tasks/new?objective=${o.code}`} data-testid="objective-assign">
              {t("tasks.objectiveSummary.assign")}
            </Link>
          </Button>
        ) : null}
      </div>
      <Card className="mb-4">
        <CardHeader title={t("objectives.sourceText")} />
        <blockquote className="px-4 py-4 leading-7 text-slate-800">{o.sourceText}</blockquote>
        <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">{t("objectives.source")}</p>
      </Card>
      <ObjectiveTaskSummary
        code={o.code}
        summary={summary}
        showCompletion={user.permissions.has("report:read")}
      />
      {o.children.length > 0 ? (
        <Card>
          <CardHeader
            title={t("objectives.children")}
            action={
              <span className="text-xs text-slate-500">
                {t("common.count", { count: o.children.length })}
              </span>
            }
          />
          <ol className="divide-y divide-slate-100">
            {o.children.map((c) => (
              <li key={c.code}>
                <Link href={`/objectives/${c.code}`} className="flex gap-3 px-4 py-3 hover:bg-brand-50">
                  <span className="w-16 shrink-0 font-mono text-xs leading-6 text-slate-500">{c.code}</span>
                  <span className="text-slate-800">{c.title}</span>
                </Link>
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
    </>
  );
}
