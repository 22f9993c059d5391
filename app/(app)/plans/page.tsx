import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PlanList } from "@/features/plans/components/plan-list";
import { getCurrentPlan } from "@/features/plans/server/current-plan";
import { canEditPlan, countLiveMeasures } from "@/features/plans/server/visible-plans";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("planList.title");

export default async function PlansPage({ searchParams }: { searchParams: Promise<{ plan?: string }> }) {
  const user = await requirePagePermission("objective:read");
  const t = await getTranslations("planList");
  const { plans, current } = await getCurrentPlan(user, (await searchParams).plan);
  const counts = await countLiveMeasures(plans.map((p) => p.id));
  const canManage = user.permissions.has("plan:manage");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canManage ? (
            <Button asChild>
              <Link href="/plans/import">{t("import")}</Link>
            </Button>
          ) : null
        }
      />
      <Card>
        {plans.length ? (
          <PlanList
            plans={plans.map((p) => ({
              ...p,
              measureCount: counts.get(p.id) ?? 0,
              editable: canEditPlan(user, p),
            }))}
            current={current?.codePrefix ?? null}
          />
        ) : (
          <EmptyState title={t("empty")} hint={t("emptyHint")} />
        )}
      </Card>
    </>
  );
}
