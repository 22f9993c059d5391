import { notificationHref } from "@/features/notifications/lib/notification-link";
import { markRead } from "@/features/notifications/server/list-notifications";
import { getSession } from "@/lib/auth/session";
import { idParam } from "@/lib/http";

// Opening a notification marks it read and goes where it points; works without JavaScript.
// The Location is relative: behind a proxy the request URL's host is not the browser's.
const to = (path: string) => new Response(null, { status: 303, headers: { Location: path } });

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const user = await getSession();
  if (!user) return to("/login");
  const id = idParam((await ctx.params).id);
  const n = id ? await markRead(user, [id]) : null;
  return to(n ? notificationHref(n) : "/notifications");
}
