import "server-only";
import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { rollupDeltaCtes } from "@/features/rollups/server/apply-delta";
import type { TTaskSnap } from "@/features/rollups/lib/contribution";
import {
  ORG_ROLES,
  type TNotificationParams,
  type TNotificationType,
} from "@/features/notifications/server/notify";
import type { TTaskStatus } from "../lib/state-machine";
import type { TEventInput } from "./change-task";
import type { TLoadedTask } from "./load-task";

export type TOneStatementChange = {
  /** As loaded and checked (permission, status) at task.version; not passed down (parentTaskId null). */
  task: TLoadedTask;
  actorId: number;
  now: Date;
  /** The task's status and completedAt afterwards (its roll-up contribution); omitted: unchanged. */
  after?: Pick<TTaskSnap, "status" | "completedAt">;
  /** The new progress; omitted: unchanged. */
  progressTo?: number;
  /** Assignments to the task row besides version and updatedAt, e.g. Prisma.sql`status = 'SUBMITTED'`. */
  set: Prisma.Sql;
  /** The timeline entry; `changes` is a jsonb expression and may read the locked row `cur` (progress, progressState). */
  event: {
    type: TEventInput["type"];
    from?: TTaskStatus;
    to?: TTaskStatus;
    message?: string | null;
    changes?: Prisma.Sql;
  };
  /** More CTEs written after the task (they read `upd`: the task id), each `name AS (… RETURNING …)`. */
  more?: Prisma.Sql[];
  /** Notifies the active managers and chairs of `orgId`, and `userIds`, once each. */
  notify?: { type: TNotificationType; orgId: number; userIds?: number[]; params: TNotificationParams };
  /** An extra condition on the task row `"Task"` before it is changed (e.g. an open completion report). */
  guard?: Prisma.Sql;
  /** What the statement returns besides whether it applied, e.g. Prisma.sql`(SELECT id FROM pu)`. */
  result?: Prisma.Sql;
};

/**
 * A task change as ONE statement instead of an interactive transaction (a few round trips
 * less per change: what the deadline rush needs). It does what updateTaskIfUnchanged +
 * recordEvent (+ notify) do, under the same rules: the task row is locked and changed only if it
 * is still at the version the caller checked; the roll-ups move by the task's change in the same
 * statement, the progress part from the locked row's progress (derived progress does not bump
 * the version); rows are locked task first, then roll-ups in ascending org id.
 * Returns null when the row moved on (or the guard failed): the caller then takes its
 * interactive path, which reports the precise error.
 */
export async function writeInOneStatement(
  db: Pick<TTx, "$queryRaw">,
  c: TOneStatementChange,
): Promise<{ result: number | null } | null> {
  const { task, now } = c;
  const before: TTaskSnap = {
    status: task.status,
    progress: task.progress,
    dueDate: task.dueDate,
    completedAt: task.completedAt,
  };
  const after: TTaskSnap = { ...before, ...c.after, progress: c.progressTo ?? task.progress };
  // progressSum counts an open task's progress, a completed one's as 100: read the locked row's value.
  const counts = (s: TTaskSnap["status"], p: Prisma.Sql) =>
    s === "COMPLETED" ? Prisma.sql`100` : s === "CANCELLED" ? Prisma.sql`0` : p;
  const progressDelta = Prisma.sql`(${counts(after.status, c.progressTo === undefined ? Prisma.sql`cur.progress` : Prisma.sql`${c.progressTo}::int`)}) - (${counts(before.status, Prisma.sql`cur.progress`)})`;
  const rollups = rollupDeltaCtes(
    { objectiveId: task.objectiveId, mainTaskId: task.mainTaskId, orgPath: task.orgPath },
    before,
    after,
    progressDelta,
  );
  const n = c.notify;
  const rows = await db.$queryRaw<{ applied: number; result: number | null }[]>`
    WITH cur AS MATERIALIZED (
      SELECT id, progress, "progressState" FROM "Task"
      WHERE id = ${task.id} AND version = ${task.version} AND status = ${task.status}::"TaskStatus" ${c.guard ? Prisma.sql`AND ${c.guard}` : Prisma.empty}
      FOR UPDATE),
    upd AS (
      UPDATE "Task" t SET ${c.set}, version = t.version + 1, "updatedAt" = ${now}
      FROM cur WHERE t.id = cur.id RETURNING t.id)
    ${rollups ? Prisma.sql`, ${rollups}` : Prisma.empty},
    ev AS (
      INSERT INTO "TaskEvent" ("taskId", "actorId", type, "fromStatus", "toStatus", changes, message, "createdAt")
      SELECT upd.id, ${c.actorId}, ${c.event.type}::"TaskEventType", ${c.event.from ?? null}::"TaskStatus", ${c.event.to ?? null}::"TaskStatus",
        ${c.event.changes ?? Prisma.sql`NULL::jsonb`}, ${c.event.message ?? null}, ${now}
      FROM upd, cur RETURNING id)
    ${
      n
        ? Prisma.sql`, nt AS (
      INSERT INTO "Notification" ("userId", type, "taskId", params, "createdAt")
      SELECT u.id, ${n.type}::"NotificationType", upd.id, ${JSON.stringify(n.params)}::jsonb, ${now} FROM upd, "User" u
      WHERE (u."orgId" = ${n.orgId} AND u.active AND u.role::text = ANY(${[...ORG_ROLES]}::text[])) OR u.id = ANY(${n.userIds ?? []}::int[])
      RETURNING id)`
        : Prisma.empty
    }
    ${c.more?.length ? Prisma.sql`, ${Prisma.join(c.more, ", ")}` : Prisma.empty}
    SELECT (SELECT count(*) FROM upd)::int AS applied, ${c.result ?? Prisma.sql`NULL::int`} AS result`;
  const row = rows[0]!;
  return row.applied === 1 ? { result: row.result } : null;
}
