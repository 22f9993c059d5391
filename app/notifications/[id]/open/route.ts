import { notificationHref } from "@/features/notifications/lib/notification-link";
import { findOwnNotification } from "@/features/notifications/server/list-notifications";
import { getSession } from "@/lib/auth/session";
import { idParam } from "@/lib/http";
import { safeRedirectPath } from "@/lib/safe-path";

// A link to a notification goes where it points and changes nothing: a GET must be safe to follow
// from anywhere (a cross-site link). Marking read happens when the user opens it from the list (a POST
// form, features/notifications/actions.ts#openNotificationAction).
// The Location is relative: behind a proxy the request URL's host is not the browser's.
const to = (path: string) => new Response(null, { status: 303, headers: { Location: path } });

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await getSession();
  if (!user) return to("/login");
  const id = idParam((await ctx.params).id);
  const n = id ? await findOwnNotification(user, id) : null;
  return to(safeRedirectPath(n ? notificationHref(n) : null, "/notifications"));
}
