// No "server-only" here: instrumentation.ts loads this outside the React server layer.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TDb, TTx } from "@/lib/db/client";
import { addDays, chinaToday } from "@/lib/dates";
import { orgRecipientsSql } from "./org-recipients";

/** A task's reminder recipients: its org's recipients and the responsible person. */
const recipients = Prisma.sql`${orgRecipientsSql(Prisma.sql`t."orgId"`)}
      UNION SELECT t."responsibleId" WHERE t."responsibleId" IS NOT NULL`;

/**
 * Deadline reminders, one set-based statement per kind: "due within 3 days" and "overdue"
 * for open tasks, to the holding org's recipients (orgRecipientsSql) and the responsible person.
 * The dedupe key (task, due date, user) makes each reminder exist once per due date, so the
 * sweep can run as often as wanted, and an approved extension arms new reminders.
 */
export async function sweepReminders(
  db: TDb | TTx,
  now = new Date(),
): Promise<{ dueSoon: number; overdue: number }> {
  const today = chinaToday(now);
  const dueSoon = await db.$executeRaw`
    INSERT INTO "Notification" ("userId", "type", "taskId", "params", "dedupeKey", "createdAt")
    SELECT r.id, 'DUE_SOON'::"NotificationType", t.id,
           jsonb_build_object('objective', o.title, 'dueDate', to_char(t."dueDate", 'YYYY-MM-DD')),
           'due:' || t.id || ':' || to_char(t."dueDate", 'YYYY-MM-DD') || ':' || r.id, now()
    FROM "Task" t
    JOIN "Objective" o ON o.id = t."objectiveId"
    CROSS JOIN LATERAL (
      ${recipients}
    ) r
    WHERE t.status IN ('PENDING_SIGN', 'IN_PROGRESS') AND t."dueDate" >= ${today}::date AND t."dueDate" <= ${addDays(today, 3)}::date
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  const overdue = await db.$executeRaw`
    INSERT INTO "Notification" ("userId", "type", "taskId", "params", "dedupeKey", "createdAt")
    SELECT r.id, 'OVERDUE'::"NotificationType", t.id,
           jsonb_build_object('objective', o.title, 'dueDate', to_char(t."dueDate", 'YYYY-MM-DD')),
           'overdue:' || t.id || ':' || to_char(t."dueDate", 'YYYY-MM-DD') || ':' || r.id, now()
    FROM "Task" t
    JOIN "Objective" o ON o.id = t."objectiveId"
    CROSS JOIN LATERAL (
      ${recipients}
    ) r
    WHERE t.status IN ('PENDING_SIGN', 'IN_PROGRESS') AND t."dueDate" < ${today}::date
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return { dueSoon, overdue };
}
