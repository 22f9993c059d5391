import { Bell } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { countUnread } from "../server/list-notifications";

/** The header bell with the unread count. */
export async function NotificationBell({ userId }: { userId: number }) {
  const t = await getTranslations("notifications");
  const unread = await countUnread({ id: userId });
  // The accessible name contains the count exactly as shown on the badge (WCAG 2.5.3 label in name).
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <Link
      href="/notifications"
      className="relative inline-flex size-9 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100"
      aria-label={unread > 0 ? t("bellUnread", { shown }) : t("bell")}
      data-testid="notification-bell"
    >
      <Bell className="size-5" aria-hidden />
      {unread > 0 ? (
        <span
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-brand-600 px-1 text-center text-[11px] leading-5 font-semibold text-white tabular-nums"
          data-testid="unread-count"
        >
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
