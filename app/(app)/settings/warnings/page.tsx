import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { WarningSettingsForm } from "@/features/lights/components/warning-settings-form";
import { getWarningSetting } from "@/features/lights/server/warning-settings";
import { requirePagePermission } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("lights.settings"))("title") };
}

/** 预警规则 of the user's own org: N and X for the tasks it assigns (task:assign). */
export default async function WarningSettingsPage() {
  const user = await requirePagePermission("task:assign");
  const t = await getTranslations("lights.settings");
  const current = await getWarningSetting(user.orgId);
  return (
    <>
      <PageHeader
        title={`${user.orgName} · ${t("title")}`}
        description={
          <>
            {t("intro")}
            {current.own ? null : <span className="block text-xs text-slate-500">{t("defaults")}</span>}
          </>
        }
      />
      <Card>
        <WarningSettingsForm values={{ dueSoonDays: current.dueSoonDays, lagPoints: current.lagPoints }} />
      </Card>
    </>
  );
}
