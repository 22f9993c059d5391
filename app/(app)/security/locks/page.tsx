import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LockList } from "@/features/security/components/lock-list";
import { listActiveLocks } from "@/features/security/server/locks";
import { requirePagePermission } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("loginLocks"))("title") };
}

export default async function LoginLocksPage() {
  await requirePagePermission("security:manage");
  const t = await getTranslations("loginLocks");
  const locks = await listActiveLocks();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>{locks.length ? <LockList locks={locks} /> : <EmptyState title={t("empty")} />}</Card>
    </>
  );
}
