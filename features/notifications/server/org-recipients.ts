// No "server-only" here: sweep-reminders.ts uses it and is loaded by instrumentation.ts outside the React server layer.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TPermission } from "@/lib/auth/permissions";

/** The permission that makes a user a recipient of the notifications addressed to their org. */
export const RECEIVE_ORG_NOTIFICATIONS: TPermission = "notification:receiveOrg";

/**
 * Who receives an org's notifications, as a subquery of one column `id`: the active users of
 * `orgId` whose role holds notification:receiveOrg in RolePermission (data, not role names in code).
 * `orgId` is any SQL expression, also a column of the enclosing query (`t."orgId"` in a LATERAL).
 * Use it as `u.id IN (…)`, `CROSS JOIN LATERAL (…) r`, or one side of a UNION.
 */
export function orgRecipientsSql(orgId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT recipient.id FROM "User" recipient
    JOIN "RolePermission" recipient_grant
      ON recipient_grant.role = recipient.role AND recipient_grant.permission = ${RECEIVE_ORG_NOTIFICATIONS}
    WHERE recipient."orgId" = ${orgId} AND recipient.active`;
}
