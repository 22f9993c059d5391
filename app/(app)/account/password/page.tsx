import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/features/users/components/change-password-form";
import { requireSignedIn } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

// The one page a user whose password was set by a manager may open (requireUser sends them here).
export default async function ChangePasswordPage() {
  const { user, mustChangePassword } = await requireSignedIn();
  const t = await getTranslations("account");
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { username: user.username })} />
      {mustChangePassword ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="must-change-password"
        >
          {t("mustChange")}
        </p>
      ) : null}
      <Card>
        <ChangePasswordForm username={user.username} />
      </Card>
    </>
  );
}
