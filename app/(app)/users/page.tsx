import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Download, Plus, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { SearchBox } from "@/components/ui/search-box";
import { UserList } from "@/features/users/components/user-list";
import { listUsers } from "@/features/users/server/list-users";
import { requirePagePermission } from "@/lib/auth/session";
import { parseCursor } from "@/lib/paging";
import { searchText } from "@/lib/input";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; org?: string; cursor?: string }>;
}) {
  const user = await requirePagePermission("user:manage");
  const t = await getTranslations();
  const sp = await searchParams;
  const q = searchText(sp.q, 50) ?? "";
  const cursor = parseCursor(sp.cursor);
  const page = await listUsers(user, { q, orgCode: searchText(sp.org, 20), cursor });
  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href="/imports">
                <Upload className="size-4" aria-hidden />
                {t("people.import")}
              </Link>
            </Button>
            <Button asChild variant="secondary">
              <a href="/api/users/export" download title={t("people.exportHint")}>
                <Download className="size-4" aria-hidden />
                {t("people.export")}
              </a>
            </Button>
            <Button asChild>
              <Link href="/users/new">
                <Plus className="size-4" aria-hidden />
                {t("users.new")}
              </Link>
            </Button>
          </>
        }
      />
      <div className="mb-3">
        <SearchBox
          defaultValue={q}
          placeholder={t("users.searchPlaceholder")}
          label={t("users.searchLabel")}
          submitLabel={t("common.search")}
        />
      </div>
      {sp.org ? (
        <p className="mb-3 text-sm text-slate-600">
          {t("users.filterOrg", { org: sp.org })} ·{" "}
          <Link href="/users" className="text-brand-700 hover:underline">
            {t("users.clearFilter")}
          </Link>
        </p>
      ) : null}
      <Card>
        {page.items.length ? (
          <UserList items={page.items} selfId={user.id} />
        ) : (
          <EmptyState title={t("users.empty")} hint={t("users.emptyHint")} />
        )}
        <Pager
          basePath="/users"
          params={{ q: q || undefined, org: sp.org }}
          nextCursor={page.nextCursor}
          isFirst={!cursor}
          labels={{ first: t("common.first"), next: t("common.next") }}
        />
      </Card>
    </>
  );
}
