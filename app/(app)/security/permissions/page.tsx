import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslations } from "next-intl/server";
import { PermissionTableForm } from "@/features/role-permissions/components/permission-table-form";
import { getPermissionTable } from "@/features/role-permissions/server/get-permission-table";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("securityAdmin.permissions.title");

export default async function PermissionsPage() {
  const user = await requirePagePermission("security:manage");
  const t = await getTranslations();
  const table = await getPermissionTable();
  return (
    <>
      <Breadcrumb
        label={t("common.breadcrumb")}
        items={[
          { label: t("securityAdmin.title"), href: "/security" },
          { label: t("securityAdmin.permissions.title") },
        ]}
      />
      <PageHeader
        title={t("securityAdmin.permissions.title")}
        description={t("securityAdmin.permissions.description")}
      />
      <Card>
        <PermissionTableForm initial={table} ownRole={user.role} />
      </Card>
    </>
  );
}
