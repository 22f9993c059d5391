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
import { requirePagePermission } from "@/lib/auth/session";
import { searchText } from "@/lib/input";

export async function generateMetadata() {
  return { title: (await getTranslations("objectives"))("title") };
}

export default async function ObjectivesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requirePagePermission("objective:read");
  const t = await getTranslations();
  const q = searchText((await searchParams).q, 50) ?? "";
  const roots = q ? [] : await getObjectiveTree();
  const plan = roots[0];
  return (
    <>
      <PageHeader title={t("objectives.title")} description={t("objectives.description")} />
      <div className="mb-4">
        <SearchBox
          defaultValue={q}
          placeholder={t("objectives.searchPlaceholder")}
          label={t("objectives.searchLabel")}
          submitLabel={t("common.search")}
        />
      </div>
      <Card>
        {q ? (
          <ObjectiveSearchResults q={q} hits={(await findObjectives(q)).hits} />
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
