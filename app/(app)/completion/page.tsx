import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { WarningSettingsLink } from "@/features/lights/components/warning-settings-link";
import { CompletionBody } from "@/features/rollups/components/completion-body";
import { CompletionToolbar } from "@/features/rollups/components/completion-toolbar";
import { ExportLinks } from "@/features/rollups/components/export-links";
import { completionHref, type TCompletionView } from "@/features/rollups/lib/completion-url";
import { ZCompletionQuery } from "@/features/rollups/schemas";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { listObjectiveOptions, planScope } from "@/features/rollups/server/objective-scope";
import { getCurrentPlan } from "@/features/plans/server/current-plan";
import { requirePagePermission } from "@/lib/auth/session";
import { planPrefixOf } from "@/lib/objective-code";
import { IndicatorPanel } from "@/features/indicators/components/indicator-panel";
import { IndicatorPicker } from "@/features/indicators/components/indicator-picker";
import { ZIndicatorParam } from "@/features/indicators/schemas";
import {
  getIndicatorCompletion,
  listIndicatorOptions,
} from "@/features/indicators/server/get-indicator-completion";

export async function generateMetadata() {
  return { title: (await getTranslations("completion"))("title") };
}

export default async function CompletionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePagePermission("report:read");
  const params = await searchParams;
  const q = ZCompletionQuery.parse(params);
  const { indicator } = ZIndicatorParam.parse(params);
  const orgId = q.org ?? user.orgId;
  // The current plan (an objective in the URL names its own plan, when the user sees it).
  const { current } = await getCurrentPlan(user, q.plan ?? (q.objective && planPrefixOf(q.objective)));
  const plan = current?.codePrefix ?? null;
  const view = (q.view ?? "table") as TCompletionView;
  // The indicator views (table and heatmap): an unknown or out-of-scope indicator is not found.
  const withIndicators = view === "table" || view === "heatmap";
  const [data, options, t, indicatorOptions, indicatorData] = await Promise.all([
    getCompletion(user, { orgId, objective: q.objective, plan }),
    listObjectiveOptions(),
    getTranslations("completion"),
    withIndicators ? listIndicatorOptions(user, { plan, objective: q.objective }) : [],
    indicator
      ? getIndicatorCompletion(user, { orgId, indicatorId: indicator, objective: q.objective, plan })
      : null,
  ]);
  if (!data || (indicator && !indicatorData)) notFound();
  const inPlan = planScope(options, { plan })?.inPlan ?? [];
  const national = data.org.level === "NATIONAL";
  if (view === "map" && !national) notFound();
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb")}
        items={data.trail.map((o) => ({
          label: o.name,
          href:
            o.id === data.org.id ? undefined : completionHref({ org: o.id, objective: q.objective, view }),
        }))}
      />
      <PageHeader
        title={`${data.org.name} · ${t("title")}`}
        description={
          <>
            {data.objective
              ? t("objectiveScope", { code: data.objective.code, title: data.objective.title })
              : t("description", { org: data.org.name })}
            {current ? (
              <span className="block text-xs text-slate-500" data-testid="completion-plan">
                {(await getTranslations("planList"))("scopeNote", { title: current.title })}
              </span>
            ) : null}
          </>
        }
        actions={
          <>
            <ExportLinks
              orgId={data.org.id}
              objective={q.objective}
              plan={plan ?? undefined}
              indicator={indicatorData?.indicator.id}
            />
            {user.permissions.has("task:assign") ? <WarningSettingsLink /> : null}
          </>
        }
      />
      <CompletionToolbar
        orgId={data.org.id}
        view={view}
        objective={q.objective}
        options={inPlan}
        national={national}
        indicator={indicatorData?.indicator.id}
      />
      {withIndicators ? (
        <IndicatorPicker
          orgId={data.org.id}
          view={view}
          objective={q.objective}
          options={indicatorOptions}
          selected={indicatorData?.indicator.id}
        />
      ) : null}
      {withIndicators && indicatorData ? (
        <IndicatorPanel data={indicatorData} view={view} objective={q.objective} />
      ) : null}
      <CompletionBody
        user={user}
        data={data}
        view={view}
        objective={q.objective}
        plan={plan ?? undefined}
        planId={current?.id}
        page={q.page ?? 1}
      />
    </>
  );
}
