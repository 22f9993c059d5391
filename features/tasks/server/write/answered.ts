import type { TNotificationType } from "@/features/notifications/server/notify";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TTaskStatus } from "../../lib/state-machine";
import type { TTaskChange } from "./change";

// A notification that asks for something is done once that is done, for every recipient: the
// change that does it marks it read in its own statement, keyed by task (or 下达 batch) and kind.
// Informational kinds (销号, 延期 decided, 承办 assigned) stay unread until their reader opens them.

/** The kinds that wait for the task to leave a status: leaving it answers them. */
export const ANSWERED_BY_LEAVING: Partial<Record<TTaskStatus, readonly TNotificationType[]>> = {
  PENDING_SIGN: ["NEW_TASKS"], // signed, handed back or withdrawn
  SUBMITTED: ["SUBMITTED"], // reviewed: 销号 or 退办
  HANDED_BACK: ["HANDED_BACK"], // sent again or withdrawn
  IN_PROGRESS: ["RETURNED"], // reported again after 退办, or withdrawn
};

/**
 * 定期报送 reminders and 催办 (features/reporting/server/sweep-report-reminders.ts): a progress update is
 * the report of every open period the task owes, so it answers them; so does closing the task.
 */
export const ANSWERED_BY_REPORTING: readonly TNotificationType[] = [
  "REPORT_DUE_SOON",
  "REPORT_OVERDUE",
  "REPORT_OVERDUE_REVIEW",
];

/** The kinds that ask for the work to go on: answered once the task is completed or cancelled. */
export const ANSWERED_BY_CLOSING: readonly TNotificationType[] = [
  "DUE_SOON",
  "OVERDUE",
  "NUDGED",
  "EXTENSION_REQUESTED",
  ...ANSWERED_BY_REPORTING,
];

/** The kinds of the task's own notifications (Notification.taskId) that the change answers. */
export function answeredKinds(c: TTaskChange): TNotificationType[] {
  const kinds = new Set<TNotificationType>();
  const to = c.to ?? c.task.status;
  if (to !== c.task.status) for (const k of ANSWERED_BY_LEAVING[c.task.status] ?? []) kinds.add(k);
  if (to === "COMPLETED" || to === "CANCELLED") for (const k of ANSWERED_BY_CLOSING) kinds.add(k);
  if (c.records?.some((r) => r.kind === "extensionDecision")) kinds.add("EXTENSION_REQUESTED");
  if (c.records?.some((r) => r.kind === "progressUpdate"))
    for (const k of ANSWERED_BY_REPORTING) kinds.add(k);
  return [...kinds];
}

/**
 * The CTEs that mark the answered notifications read (they run only when `upd` changed the row).
 * A batch's 新任务 notification (no taskId: one per receiving org and batch) is answered when the
 * last of that org's tasks in the batch leaves 待签收; two of them signed at the very same moment
 * each still see the other pending, and leave it unread. The task row is found by its id (a join
 * through `upd` let PostgreSQL walk every task of every batch: 5–8 s per 签收 at national size).
 */
export function answeredCtes(c: TTaskChange): Prisma.Sql[] {
  const kinds = answeredKinds(c);
  if (kinds.length === 0) return [];
  const ctes = [
    Prisma.sql`answered AS (
      UPDATE "Notification" n SET "readAt" = ${c.now}
      FROM upd
      WHERE n."taskId" = upd.id AND n."readAt" IS NULL AND n.type::text = ANY(${kinds}::text[])
      RETURNING n.id)`,
  ];
  if (kinds.includes("NEW_TASKS"))
    ctes.push(Prisma.sql`answered_batch AS (
      UPDATE "Notification" n SET "readAt" = ${c.now}
      FROM (SELECT t.id, t."batchId", t."orgId" FROM "Task" t
        WHERE t.id = ${c.task.id} AND t."batchId" IS NOT NULL AND EXISTS (SELECT 1 FROM upd)) t
      WHERE n.type = 'NEW_TASKS' AND n."taskId" IS NULL AND n."readAt" IS NULL
        AND n."userId" IN (SELECT u.id FROM "User" u WHERE u."orgId" = t."orgId")
        AND (n.params->>'batchId')::int = t."batchId"
        AND NOT EXISTS (
          SELECT 1 FROM "Task" o
          WHERE o."batchId" = t."batchId" AND o."orgId" = t."orgId" AND o.status = 'PENDING_SIGN' AND o.id <> t.id)
      RETURNING n.id)`);
  return ctes;
}
