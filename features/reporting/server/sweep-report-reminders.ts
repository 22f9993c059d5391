import type { TDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, chinaToday } from "@/lib/dates";
import { orgRecipientsSql } from "@/features/notifications/server/org-recipients";
import { owesSql, type TRuleCover } from "./owing";

// No "server-only": the scheduled job and the tests call this.

/** How many days before a period's due day its reminder goes out. */
export const REPORT_REMIND_DAYS = 3;

type TPeriodRow = TRuleCover & { id: number; startDate: Date; dueDate: Date };

/** A holder's recipients: its org's (orgRecipientsSql) and the responsible person. */
const HOLDER = Prisma.sql`${orgRecipientsSql(Prisma.sql`t."orgId"`)}
      UNION SELECT t."responsibleId" WHERE t."responsibleId" IS NOT NULL`;
/** The reviewing org's recipients (the federation that assigned the task). */
const REVIEWER = orgRecipientsSql(Prisma.sql`t."reviewOrgId"`);

/**
 * 定期报送 reminders, set-based per open period (one statement per kind), for the tasks that owe
 * the period's report (owing.ts) and have not reported:
 * - REPORT_DUE_SOON: from 3 days before the due day to the due day, to the holder;
 * - after the due day: REPORT_OVERDUE (the automatic 催办) to the holder, and
 *   REPORT_OVERDUE_REVIEW to the reviewing org.
 * The dedupe key (kind, period, task, user) makes each exist once, so the sweep may run as often
 * as wanted and on several instances.
 */
export async function sweepReportReminders(db: TDb, now = new Date()) {
  const today = chinaToday(now);
  const periods = await db.$queryRaw<TPeriodRow[]>`
    SELECT p.id, p."startDate", p."dueDate", r."planId", r."objectiveId", r."batchId"
    FROM "ReportingPeriod" p JOIN "ReportingRule" r ON r.id = p."ruleId"
    WHERE p.status = 'OPEN' AND p."dueDate" <= ${addDays(today, REPORT_REMIND_DAYS)}::date
    ORDER BY p.id`;
  const sent = { dueSoon: 0, overdue: 0, review: 0 };
  for (const p of periods) {
    const late = p.dueDate.getTime() < today.getTime();
    const insert = (kind: string, key: string, who: Prisma.Sql) => db.$executeRaw`
      INSERT INTO "Notification" ("userId", type, "taskId", params, "dedupeKey", "createdAt")
      SELECT r.id, ${kind}::"NotificationType", t.id,
        jsonb_build_object('objective', o.title, 'dueDate', ${p.dueDate}::date::text, 'org', og.name),
        ${key} || ':' || ${p.id}::int || ':' || t.id || ':' || r.id, ${now}
      FROM "Task" t JOIN "Objective" o ON o.id = t."objectiveId" JOIN "Org" og ON og.id = t."orgId"
      CROSS JOIN LATERAL (${who}) r
      WHERE ${owesSql(p, p.startDate)}
        AND NOT EXISTS (SELECT 1 FROM "PeriodReport" x WHERE x."periodId" = ${p.id} AND x."taskId" = t.id)
      ON CONFLICT ("dedupeKey") DO NOTHING`;
    if (!late) sent.dueSoon += await insert("REPORT_DUE_SOON", "rdue", HOLDER);
    else {
      sent.overdue += await insert("REPORT_OVERDUE", "rlate", HOLDER);
      sent.review += await insert("REPORT_OVERDUE_REVIEW", "rlate-review", REVIEWER);
    }
  }
  return sent;
}
