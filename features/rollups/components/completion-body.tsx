import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getReadDb } from "@/lib/db/read-db";
import { chinaToday } from "@/lib/dates";
import { completionHref, type TCompletionView } from "../lib/completion-url";
import { withLivePoint } from "../lib/trend";
import { getCompletion } from "../server/get-completion";
import { getHeatmap } from "../server/get-heatmap";
import type { TCompletion } from "../server/get-completion";
import { readTrend } from "../server/snapshots";
import { CompletionTiles } from "./completion-tiles";
import { HeatmapGrid } from "./heatmap-grid";
import { MainTaskTable } from "./main-task-table";
import { RegionTable } from "./region-table";
import { TrendTable } from "./trend-table";
import { CompletionTrend } from "./completion-charts";
import { CompletionMapView } from "./completion-map-view";
import { readMissingForCompletion } from "@/features/reporting/server/read-missing";

const PAGE_SIZE = 50;

/** The chosen view of an org's completion. Only the shown view's data is read, and charts load only where shown. */
export async function CompletionBody({
  user,
  data,
  view,
  objective,
  plan,
  planId,
  page,
}: {
  user: { orgId: number };
  data: TCompletion;
  view: TCompletionView;
  objective?: string;
  /** The current plan's code prefix: every figure is the plan's. */
  plan?: string;
  planId?: number;
  page: number;
}) {
  const t = await getTranslations("completion");
  if (data.region.total === 0) {
    return (
      <Card>
        <EmptyState title={t("noTasks")} hint={t("noTasksHint")} />
      </Card>
    );
  }
  const withTasks = data.children.filter((c) => c.metrics.total > 0);
  const own = data.own.total > 0 ? data.own : null;
  const root = data.org.parentId === null;
  const pages = Math.max(1, Math.ceil(withTasks.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const pageRows = <T,>(rows: T[]) => rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const footer = (pagedView: TCompletionView) => (
    <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
      <span>
        {data.children.length > withTasks.length
          ? t("withoutTasks", { count: data.children.length - withTasks.length })
          : null}
      </span>
      {pages > 1 ? (
        <span className="flex items-center gap-3">
          {current > 1 ? (
            <Link
              className="text-brand-700 hover:underline"
              href={completionHref({ org: data.org.id, objective, view: pagedView, page: current - 1 })}
            >
              {t("prev")}
            </Link>
          ) : null}
          {t("page", { page: current, pages })}
          {current < pages ? (
            <Link
              className="text-brand-700 hover:underline"
              href={completionHref({ org: data.org.id, objective, view: pagedView, page: current + 1 })}
            >
              {t("next")}
            </Link>
          ) : null}
        </span>
      ) : null}
    </div>
  );
  // 漏报 of the plan's reporting rules (features/reporting): a column only once the plan has a rule.
  const missing =
    view === "table" || view === "map"
      ? await readMissingForCompletion(await getReadDb(), data, plan ?? null)
      : null;
  const regionCard = (compact: boolean) => (
    <Card>
      <CardHeader title={t("regions")} />
      <RegionTable
        rows={pageRows(withTasks)}
        own={own}
        childTotal={data.children.length ? data.childTotal : null}
        region={root ? null : data.region}
        objective={objective}
        compact={compact}
        missing={missing}
      />
      {footer("table")}
    </Card>
  );

  let body: React.ReactNode;
  let tiles = data.region;
  if (view === "heatmap") {
    const heat = await getHeatmap(user, { orgId: data.org.id, objective, plan });
    body = (
      <Card>
        <CardHeader title={t("heatmap.title")} />
        <p className="px-4 pt-3 text-sm text-slate-600">{t("heatmap.note")}</p>
        <div className="p-3">
          {heat && heat.rows.length ? (
            <HeatmapGrid data={{ ...heat, rows: pageRows(heat.rows) }} />
          ) : (
            <EmptyState title={t("noTasks")} />
          )}
        </div>
        {footer("heatmap")}
      </Card>
    );
  } else if (view === "map") {
    const items = data.children.map((c) => ({
      regionCode: c.regionCode ?? c.code,
      name: c.name,
      rate: c.metrics.total ? c.metrics.completionRate : null,
      href: completionHref({ org: c.id, objective }),
    }));
    body = <CompletionMapView items={items} regionTable={regionCard(true)} />;
  } else if (view === "trend") {
    // The snapshots hold all tasks of a region in a plan (no objective scope), so with a scope chosen
    // the tiles show the plan's whole region too: the current week's point is exactly the tiles' figures.
    const today = chinaToday();
    const [recorded, whole] = await Promise.all([
      readTrend(await getReadDb(), { orgId: data.org.id, planId, today }),
      objective ? getCompletion(user, { orgId: data.org.id, plan }) : data,
    ]);
    tiles = whole!.region;
    const points = withLivePoint(
      recorded,
      { total: tiles.total, completed: tiles.completed, overdue: tiles.overdue },
      today,
    );
    body = (
      <Card>
        <CardHeader title={t("trend.title")} />
        <div className="p-2">
          <CompletionTrend
            points={points}
            labels={{
              completionRate: t("trend.completionRate"),
              completed: t("trend.completed"),
              total: t("trend.total"),
              noData: t("trend.noData"),
            }}
          />
        </div>
        <TrendTable points={points} />
      </Card>
    );
  } else {
    body = (
      <div className="space-y-4">
        {regionCard(false)}
        <Card>
          <CardHeader title={t("byMainTask")} />
          <MainTaskTable rows={data.byMainTask} orgId={data.org.id} />
        </Card>
      </div>
    );
  }
  return (
    <>
      {view === "trend" && objective ? (
        <p className="mb-2 text-sm text-slate-600" data-testid="trend-all-tasks">
          {t("trend.allTasks")}
        </p>
      ) : null}
      <CompletionTiles m={tiles} />
      <p className="-mt-2 mb-4 text-xs leading-5 text-slate-600" data-testid="counting-note">
        {t(root ? "countingNoteRoot" : "countingNote")}
      </p>
      {body}
    </>
  );
}
