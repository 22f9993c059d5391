import { Bell } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { countUnread } from "../server/list-notifications";

/** The header bell with the unread count. */
export async function NotificationBell({ userId }: { userId: number }) {
  const t = await getTranslations("notifications");
  const unread = await countUnread({ id: userId });
  return (
    <Link
      href="/notifications"
      className="relative inline-flex size-9 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100"
      aria-label={t("bell", { count: unread })}
      data-testid="notification-bell"
    >
      <Bell className="size-5" aria-hidden />
      {unread > 0 ? (
        <span
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-brand-600 px-1 text-center text-[11px] leading-5 font-semibold text-white tabular-nums"
          data-testid="unread-count"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
