import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/db/client";
import { orgRecipientsSql } from "./org-recipients";

export { orgRecipientsSql } from "./org-recipients";

export type TNotificationType = Prisma.NotificationCreateManyInput["type"];
export type TNotificationParams = Record<string, string | number | null>;

/**
 * Notifies the org's recipients (`orgRecipientsSql`: active users whose role may receive the org's
 * notifications) and any `userIds`, each once, in one statement inside the caller's transaction.
 */
export async function notifyOrg(
  tx: TTx,
  n: {
    orgId: number;
    type: TNotificationType;
    taskId: number | null;
    params: TNotificationParams;
    userIds?: readonly number[];
  },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Notification" ("userId", "type", "taskId", "params", "createdAt")
    SELECT r.id, ${n.type}::"NotificationType", ${n.taskId}::int, ${JSON.stringify(n.params)}::jsonb, now()
    FROM (${orgRecipientsSql(Prisma.sql`${n.orgId}::int`)}
          UNION SELECT unnest(${[...(n.userIds ?? [])]}::int[])) r
    ORDER BY r.id`;
}

/** Notifies the given users (duplicates removed). */
export async function notifyUsers(
  tx: TTx,
  n: {
    userIds: readonly number[];
    type: TNotificationType;
    taskId: number | null;
    params: TNotificationParams;
  },
): Promise<void> {
  const ids = [...new Set(n.userIds)];
  if (ids.length === 0) return;
  await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, type: n.type, taskId: n.taskId, params: n.params })),
  });
}
