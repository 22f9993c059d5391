import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { markAllReadAction } from "@/features/notifications/actions";
import { NotificationList } from "@/features/notifications/components/notification-list";
import { countUnread, listNotifications } from "@/features/notifications/server/list-notifications";
import { requireUser } from "@/lib/auth/session";
import { parseCursor } from "@/lib/paging";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("notifications.title");

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<{ cursor?: string; unread?: string }>;
}) {
  const user = await requireUser();
  const t = await getTranslations("notifications");
  const sp = await searchParams;
  const unreadOnly = sp.unread === "1";
  const [page, unread] = await Promise.all([
    listNotifications(user, { cursor: parseCursor(sp.cursor), unreadOnly }),
    countUnread(user),
  ]);
  const tab = (active: boolean, href: string, label: string) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={
        active
          ? "rounded-full bg-brand-600 px-4 py-1.5 text-sm text-white"
          : "rounded-full bg-white px-4 py-1.5 text-sm text-slate-700 ring-1 ring-slate-200"
      }
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("summary", { count: unread })}
        actions={
          unread > 0 ? (
            <form action={markAllReadAction}>
              <Button type="submit" variant="secondary">
                {t("markAll")}
              </Button>
            </form>
          ) : null
        }
      />
      <div className="mb-3 flex gap-2">
        {tab(!unreadOnly, "/notifications", t("all"))}
        {tab(unreadOnly, "/notifications?unread=1", t("unreadTab"))}
      </div>
      <Card>
        {page.items.length ? (
          <NotificationList items={page.items} />
        ) : (
          <EmptyState title={t("empty")} hint={t("emptyHint")} />
        )}
        {page.nextCursor ? (
          <Link
            href={`/notifications?${unreadOnly ? "unread=1&" : ""}cursor=${page.nextCursor}`}
            className="block px-4 py-3 text-sm text-brand-700 hover:underline"
          >
            {t("more")}
          </Link>
        ) : null}
      </Card>
    </>
  );
}
