import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/db/client";

export type TNotificationType = Prisma.NotificationCreateManyInput["type"];
export type TNotificationParams = Record<string, string | number | null>;

/** Roles that act for an org: they receive the org's task notifications. */
export const ORG_ROLES = ["MANAGER", "CHAIR"] as const;

/**
 * Notifies the active managers and chairs of `orgId` and any `alsoUserIds`, each once (inside the
 * caller's transaction). features/tasks/server/write-in-one-statement.ts does the same in SQL.
 */
export async function notifyOrg(
  tx: TTx,
  orgId: number,
  type: TNotificationType,
  taskId: number | null,
  params: TNotificationParams,
  exceptUserId?: number,
  alsoUserIds: number[] = [],
): Promise<void> {
  const users = await tx.user.findMany({
    where: {
      orgId,
      active: true,
      role: { in: [...ORG_ROLES] },
      id: exceptUserId ? { not: exceptUserId } : undefined,
    },
    select: { id: true },
  });
  await notifyUsers(tx, [...users.map((u) => u.id), ...alsoUserIds], type, taskId, params);
}

/** Notifies the given users (duplicates removed). */
export async function notifyUsers(
  tx: TTx,
  userIds: readonly number[],
  type: TNotificationType,
  taskId: number | null,
  params: TNotificationParams,
): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await tx.notification.createMany({ data: ids.map((userId) => ({ userId, type, taskId, params })) });
}
