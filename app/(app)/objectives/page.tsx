import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { ObjectiveSearchResults } from "@/features/objectives/components/objective-search-results";
import { ObjectiveTree } from "@/features/objectives/components/objective-tree";
import { TreeToggle } from "@/features/objectives/components/tree-toggle";
import { findObjectives } from "@/features/objectives/server/find-objectives";
import { getObjectiveTree } from "@/features/objectives/server/get-objective-tree";
import { getCurrentPlan } from "@/features/plans/server/current-plan";
import { requirePagePermission } from "@/lib/auth/session";
import { searchText } from "@/lib/input";

export async function generateMetadata() {
  return { title: (await getTranslations("objectives"))("title") };
}

export default async function ObjectivesPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; plan?: string }>;
}) {
  const user = await requirePagePermission("objective:read");
  const t = await getTranslations();
  const sp = await searchParams;
  const q = searchText(sp.q, 50) ?? "";
  // The current plan's tree and search; no visible plan, nothing to show.
  const { current } = await getCurrentPlan(user, sp.plan);
  const roots = q || !current ? [] : await getObjectiveTree(current.id);
  const plan = roots[0];
  return (
    <>
      <PageHeader
        title={t("planList.objectivesTitle")}
        description={
          current
            ? t("planList.objectivesOf", { title: current.title, prefix: current.codePrefix })
            : undefined
        }
      />
      <div className="mb-4">
        <SearchBox
          defaultValue={q}
          placeholder={t("objectives.searchPlaceholder")}
          label={t("objectives.searchLabel")}
          submitLabel={t("common.search")}
        />
      </div>
      <Card>
        {q && current ? (
          <ObjectiveSearchResults q={q} hits={(await findObjectives(q, current.id)).hits} />
        ) : plan ? (
          <div className="p-2 sm:p-4">
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2 px-2">
              <p className="text-sm text-slate-600">
                {plan.title} · {t("objectives.measuresCount", { count: plan.measureCount })}
              </p>
              <TreeToggle
                targetId="objective-tree"
                expandLabel={t("objectives.expandAll")}
                collapseLabel={t("objectives.collapseAll")}
              />
            </div>
            <div id="objective-tree">
              <ObjectiveTree nodes={plan.children} />
            </div>
          </div>
        ) : (
          <EmptyState title={t("objectives.empty")} hint={t("objectives.emptyHint")} />
        )}
      </Card>
    </>
  );
}
