import "server-only";
import { getDb } from "@/lib/db/client";

const PAGE = 20;

/** The user's own notifications, newest first, cursor-paged. Nobody else's are ever read. */
export async function listNotifications(
  user: { id: number },
  opts: { cursor?: number; unreadOnly?: boolean } = {},
) {
  const rows = await getDb().notification.findMany({
    where: { userId: user.id, ...(opts.unreadOnly ? { readAt: null } : {}) },
    orderBy: { id: "desc" },
    take: PAGE + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: { id: true, type: true, taskId: true, params: true, readAt: true, createdAt: true },
  });
  const items = rows.slice(0, PAGE);
  return { items, nextCursor: rows.length > PAGE ? (items.at(-1)?.id ?? null) : null };
}

export function countUnread(user: { id: number }): Promise<number> {
  return getDb().notification.count({ where: { userId: user.id, readAt: null } });
}

/** Marks the user's own notifications read (all of them without ids); returns the link target when one id is given. */
export async function markRead(user: { id: number }, ids?: readonly number[]) {
  const db = getDb();
  await db.notification.updateMany({
    where: { userId: user.id, readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
    data: { readAt: new Date() },
  });
  if (ids?.length !== 1) return null;
  return db.notification.findFirst({
    where: { id: ids[0], userId: user.id },
    select: { type: true, taskId: true, params: true },
  });
}

/** Where the user's own notification `id` leads, without changing anything (null: not theirs, or none). */
export async function findOwnNotification(user: { id: number }, id: number) {
  return getDb().notification.findFirst({
    where: { id, userId: user.id },
    select: { type: true, taskId: true, params: true },
  });
}
