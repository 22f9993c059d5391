import "server-only";
import { shiftTasksInRollups } from "@/features/rollups/server/shift-tasks";
import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** The number of leading elements two org paths share (both start at the root). */
const commonPrefix = (a: Prisma.Sql, b: Prisma.Sql) => Prisma.sql`(
  SELECT COALESCE(min(i) - 1, LEAST(cardinality(${a}), cardinality(${b})))
  FROM generate_series(1, LEAST(cardinality(${a}), cardinality(${b}))) i WHERE (${a})[i] <> (${b})[i])`;

export type TOrgEventType = "ORG_MOVED" | "ORG_MERGED" | "ORG_CLOSED";

/**
 * Re-homes tasks after a tree change, in the caller's transaction: each task goes to `toOrgId`
 * (merge, close with a successor) or stays with its holder, whose path has already changed (move).
 * Its path becomes the holder's; it keeps its chain, and counts where the chain rule puts it now:
 * in the regions of its new path that do not hold its parent task (countFrom = the length of the
 * path it shares with the parent's). A review org that is no longer above the holder hands the
 * review to the nearest org above both (the last shared element of the two paths), so that the
 * task can still be reviewed by someone who sees it. The roll-ups take the tasks out before and
 * put them back after (set-based), the version moves (open forms get CONFLICT), and every task's
 * timeline gets `eventType` with `changes` (plus the review org, when it changed).
 */
export async function relocateTasks(
  tx: TTx,
  a: {
    taskIds: number[];
    toOrgId?: number;
    actorId: number;
    eventType: TOrgEventType;
    changes: Record<string, [unknown, unknown]>;
    message?: string | null;
    /** The staff of a closed union are deactivated: the task starts again without them. */
    clearStaff?: boolean;
  },
): Promise<number> {
  if (a.taskIds.length === 0) return 0;
  const ids = [...a.taskIds].sort((x, y) => x - y);
  await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
  await shiftTasksInRollups(tx, ids, -1);
  const holder = a.toOrgId === undefined ? Prisma.sql`t."orgId"` : Prisma.sql`${a.toOrgId}::int`;
  const staff = a.clearStaff ? Prisma.sql`, "responsibleId" = NULL` : Prisma.empty;
  const n = await tx.$executeRaw`
    WITH c AS (
      SELECT t.id, t.status, t."reviewOrgId" AS "oldReview", ro.name AS "oldReviewName", h.id AS "orgId",
        h."ancestorIds" AS path,
        CASE WHEN t."parentTaskId" IS NULL THEN 0 ELSE ${commonPrefix(Prisma.sql`p."orgPath"`, Prisma.sql`h."ancestorIds"`)} END AS "countFrom",
        CASE WHEN h."ancestorIds" @> ARRAY[t."reviewOrgId"] THEN t."reviewOrgId"
          ELSE h."ancestorIds"[${commonPrefix(Prisma.sql`ro."ancestorIds"`, Prisma.sql`h."ancestorIds"`)}] END AS "reviewOrgId"
      FROM "Task" t
      JOIN "Org" h ON h.id = ${holder}
      JOIN "Org" ro ON ro.id = t."reviewOrgId"
      LEFT JOIN "Task" p ON p.id = t."parentTaskId"
      WHERE t.id = ANY(${ids}::int[])),
    u AS (
      UPDATE "Task" t SET "orgId" = c."orgId", "orgPath" = c.path, "countFrom" = c."countFrom",
        "reviewOrgId" = c."reviewOrgId", version = t.version + 1, "updatedAt" = now() ${staff}
      FROM c WHERE t.id = c.id RETURNING t.id)
    INSERT INTO "TaskEvent" ("taskId", "actorId", type, "fromStatus", "toStatus", changes, message)
    SELECT c.id, ${a.actorId}, ${a.eventType}::"TaskEventType", c.status, c.status,
      ${JSON.stringify(a.changes)}::jsonb || CASE WHEN c."reviewOrgId" <> c."oldReview"
        THEN jsonb_build_object('reviewOrg', jsonb_build_array(c."oldReviewName", nr.name)) ELSE '{}'::jsonb END,
      ${a.message ?? null}
    FROM c JOIN "Org" nr ON nr.id = c."reviewOrgId"
    WHERE (SELECT count(*) FROM u) > 0`;
  if (a.clearStaff) await tx.taskHelper.deleteMany({ where: { taskId: { in: ids } } });
  await shiftTasksInRollups(tx, ids, +1);
  return n;
}
