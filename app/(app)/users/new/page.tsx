import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/features/users/components/create-user-form";
import { getDb } from "@/lib/db/client";
import { grantableRolesAt } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("newTitle") };
}

export default async function NewUserPage() {
  const user = await requirePagePermission("user:manage");
  const t = await getTranslations();
  const org = await getDb().org.findUniqueOrThrow({
    where: { id: user.orgId },
    select: { id: true, name: true, code: true },
  });
  return (
    <>
      <Breadcrumb
        label={t("common.breadcrumb")}
        items={[{ label: t("users.title"), href: "/users" }, { label: t("users.newTitle") }]}
      />
      <PageHeader title={t("users.newTitle")} />
      <Card className="p-4">
        <CreateUserForm
          rolesOwn={grantableRolesAt(user.role, true)}
          rolesBelow={grantableRolesAt(user.role, false)}
          defaultOrg={org}
        />
      </Card>
    </>
  );
}
