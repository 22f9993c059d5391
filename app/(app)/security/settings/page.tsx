import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SecuritySettingsForm } from "@/features/security/components/settings-form";
import { requirePagePermission } from "@/lib/auth/session";
import { clearSecuritySettingsCache, getSecuritySettings } from "@/lib/security/settings";

export async function generateMetadata() {
  return { title: (await getTranslations("securitySettings"))("title") };
}

export default async function SecuritySettingsPage() {
  await requirePagePermission("security:manage");
  const t = await getTranslations("securitySettings");
  // The editor sees what is stored now, not this process's cached copy.
  clearSecuritySettingsCache();
  const values = await getSecuritySettings();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <SecuritySettingsForm values={values} />
      </Card>
    </>
  );
}
