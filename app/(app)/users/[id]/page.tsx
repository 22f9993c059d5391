import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, CardHeader } from "@/components/ui/card";
import { ActiveToggle } from "@/features/users/components/active-toggle";
import { EditUserForm } from "@/features/users/components/edit-user-form";
import { ResetPasswordForm } from "@/features/users/components/reset-password-form";
import { findManagedUser } from "@/features/users/server/find-managed-user";
import { grantableRolesAt } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("titles.user");

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("user:manage");
  const t = await getTranslations();
  const id = parseId((await params).id);
  const target =
    id !== null
      ? await findManagedUser(actor, id).catch((e) => {
          if (isAppError(e)) return null;
          throw e;
        })
      : null;
  if (!target) notFound();
  const self = target.id === actor.id;
  // The roles the actor gives where the account is (a manager's own org: no managers).
  const roles = self ? [target.role] : grantableRolesAt(actor.role, target.org.id === actor.orgId);
  return (
    <>
      <Breadcrumb
        label={t("common.breadcrumb")}
        items={[{ label: t("users.title"), href: "/users" }, { label: target.name }]}
      />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-bold sm:text-2xl">{target.name}</h1>
        <span className="font-mono text-sm text-slate-500">{target.username}</span>
        {target.active ? (
          <Badge tone="green">{t("users.active")}</Badge>
        ) : (
          <Badge>{t("users.inactive")}</Badge>
        )}
      </div>
      <p className="mb-4 text-sm text-slate-600">
        {t("users.org")}
        {t("punct.colon")}
        {target.org.name}
        {t("punct.paren", { text: target.org.code })}
      </p>
      <Card className="mb-4">
        <CardHeader title={t("users.profile")} />
        <EditUserForm
          user={{ id: target.id, name: target.name, role: target.role, phone: target.phone ?? "" }}
          roles={roles}
          roleLocked={self}
        />
      </Card>
      <Card className="mb-4">
        <CardHeader title={t("users.security")} />
        <ResetPasswordForm id={target.id} />
        {!self ? (
          <div className="border-t border-slate-100 p-4">
            <ActiveToggle id={target.id} active={target.active} />
          </div>
        ) : null}
      </Card>
    </>
  );
}
