import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PlanEditNode } from "@/features/plan-edit/components/plan-edit-node";
import { PlanHistory } from "@/features/plan-edit/components/plan-history";
import { PlanIndicatorsProvider } from "@/features/indicators/components/plan-indicators-context";
import { listPlanIndicators } from "@/features/indicators/server/list-indicators";
import { getPlanForEdit } from "@/features/plan-edit/server/get-plan-for-edit";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";
import { ReportingRulesCard } from "@/features/reporting/components/reporting-rules-card";
import { planRulesView } from "@/features/reporting/server/plan-rules-view";

export const generateMetadata = pageTitle("planEdit.title");

export default async function PlanEditPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("plan:manage");
  const planId = parseId((await params).id);
  const view = planId === null ? null : await getPlanForEdit(user, planId);
  if (!view?.root) notFound();
  const t = await getTranslations("planEdit");
  const tr = await getTranslations("reportingRules");
  const { plan, root, history } = view;
  const indicators = await listPlanIndicators(user, plan.id);
  const reporting = await planRulesView(user, plan, root);
  return (
    <>
      <PageHeader
        title={plan.title}
        description={t("description", {
          issuer: plan.issuingOrgName,
          period: `${formatDay(plan.periodStart)} — ${formatDay(plan.periodEnd)}`,
          prefix: plan.codePrefix,
        })}
      />
      <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
        <Card className="p-3">
          <PlanIndicatorsProvider value={indicators}>
            <ul className="grid gap-2">
              <PlanEditNode node={root} />
            </ul>
          </PlanIndicatorsProvider>
        </Card>
        <div className="grid content-start gap-4">
          <Card>
            <CardHeader title={tr("title")} />
            <ReportingRulesCard planId={plan.id} {...reporting} />
          </Card>
          <Card>
            <CardHeader title={t("history")} />
            <PlanHistory rows={history} />
          </Card>
        </div>
      </div>
    </>
  );
}
