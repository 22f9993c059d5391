import {
  AlarmClock,
  BellRing,
  CheckCircle2,
  CornerUpLeft,
  Inbox,
  Send,
  Timer,
  UserCheck,
} from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { openNotificationAction } from "../actions";
import type { listNotifications } from "../server/list-notifications";

type TItem = Awaited<ReturnType<typeof listNotifications>>["items"][number];
const ICONS: Record<string, typeof Inbox> = {
  NEW_TASKS: Send,
  DUE_SOON: Timer,
  OVERDUE: AlarmClock,
  HANDED_BACK: CornerUpLeft,
  RETURNED: CornerUpLeft,
  APPROVED: CheckCircle2,
  SUBMITTED: Inbox,
  EXTENSION_REQUESTED: Timer,
  EXTENSION_DECIDED: Timer,
  NUDGED: BellRing,
  STAFF_ASSIGNED: UserCheck,
  TASKS_RECEIVED: Send,
};

/** Newest first; unread ones bold with a dot. Opening one (a POST form) marks it read. */
export function NotificationList({ items }: { items: TItem[] }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  return (
    <ul className="divide-y divide-slate-100" data-testid="notification-list">
      {items.map((n) => {
        const Icon = ICONS[n.type] ?? Inbox;
        const params = (n.params ?? {}) as Record<string, string | number>;
        const alert =
          n.type === "OVERDUE" || n.type === "NUDGED" || n.type === "RETURNED" || n.type === "HANDED_BACK";
        return (
          <li key={n.id}>
            <form action={openNotificationAction}>
              <input type="hidden" name="id" value={n.id} />
              <button
                type="submit"
                className={`flex w-full cursor-pointer gap-3 px-4 py-3 text-left hover:bg-slate-50 ${n.readAt ? "" : "bg-brand-50/40"}`}
                data-unread={n.readAt ? undefined : "1"}
              >
                <Icon
                  className={`mt-0.5 size-5 shrink-0 ${alert ? "text-red-600" : "text-slate-500"}`}
                  aria-hidden
                />
                <span className="min-w-0 flex-1">
                  <span
                    className={`block text-sm ${n.readAt ? "text-slate-700" : "font-semibold text-slate-900"}`}
                  >
                    {t(`types.${n.type}`, params)}
                  </span>
                  <span className="text-xs text-slate-500">
                    {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </span>
                </span>
                {n.readAt ? null : (
                  <span
                    className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-600"
                    aria-label={t("unread")}
                  />
                )}
              </button>
            </form>
          </li>
        );
      })}
    </ul>
  );
}
