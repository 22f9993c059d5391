import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SchemeForm } from "@/features/assessment/components/scheme-form";
import { SCHEME_TEMPLATE } from "@/features/assessment/lib/scheme-template";
import { getSchemeFormOptions } from "@/features/assessment/server/scheme-view";
import { getCurrentPlan } from "@/features/plans/server/current-plan";
import { requirePagePermission } from "@/lib/auth/session";
import { chinaToday } from "@/lib/dates";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("assessmentSchemes.newTitle");

export default async function NewSchemePage() {
  const user = await requirePagePermission("assessment:manage");
  const t = await getTranslations("assessmentSchemes");
  const [{ plans, indicators }, { current }] = await Promise.all([
    getSchemeFormOptions(user),
    getCurrentPlan(user),
  ]);
  const year = chinaToday().getUTCFullYear();
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb")}
        items={[{ label: t("crumb"), href: "/assessment" }, { label: t("newTitle") }]}
      />
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <Card className="max-w-4xl">
        <SchemeForm
          defaults={{
            title: "",
            year,
            scope: "DIRECT",
            level: "",
            planId: current ? String(current.id) : "",
            rules: SCHEME_TEMPLATE,
          }}
          plans={plans}
          indicators={indicators}
        />
      </Card>
    </>
  );
}
