import "server-only";
import type { TTx } from "@/lib/db/client";
import { applyBatch } from "@/features/rollups/server/apply-delta";
import { orgRecipientsSql } from "@/features/notifications/server/notify";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  batchTasks,
  insertTaskIndicators,
  shiftIndicatorRollups,
  type TIndicatorTargets,
} from "@/features/indicators/server/insert-task-indicators";

export type TInsertTasks = {
  measureIds: readonly number[];
  targetOrgIds: readonly number[];
  reviewOrgId: number;
  parentTaskId: number | null;
  batchId: number;
  dueDate: Date;
  priority: string;
  note: string | null;
  targetValue: number | null;
  targetUnit: string | null;
  actorId: number;
  /** Targets of the measure's indicators per receiving org (checked by the caller). */
  indicatorTargets?: TIndicatorTargets;
  /** Runs after the rows are inserted and before their roll-ups are added. */
  beforeRollups?: (created: number) => Promise<void>;
};

/**
 * Creates measures × targets tasks with set-based statements (no per-row round trips):
 * existing (objective, org) pairs are skipped by the unique index, so nobody gets the
 * same objective twice, even when two batches race. Returns how many were created.
 */
export async function insertTasks(tx: TTx, a: TInsertTasks): Promise<number> {
  const created = await tx.$executeRaw`
    INSERT INTO "Task" ("objectiveId", "mainTaskId", "orgId", "orgPath", "countFrom", "reviewOrgId", "parentTaskId", "batchId", "batchPath",
                        "kind", "status", "priority", "dueDate", "note", "targetValue", "targetUnit", "createdById", "updatedAt")
    SELECT m.id, mt.id, o.id, o."ancestorIds",
           COALESCE((SELECT cardinality(p."orgPath") FROM "Task" p WHERE p.id = ${a.parentTaskId}::int), 0), ${a.reviewOrgId}, ${a.parentTaskId}, ${a.batchId},
           COALESCE((SELECT c."batchPath" FROM "Task" c WHERE c.id = ${a.parentTaskId}::int), '{}') || ${a.batchId}::int,
           'ASSIGNED'::"TaskKind", 'PENDING_SIGN'::"TaskStatus", ${a.priority}::"TaskPriority", ${a.dueDate}::date,
           ${a.note}, ${a.targetValue}::numeric, ${a.targetUnit}, ${a.actorId}, now()
    FROM "Objective" m
    JOIN "Objective" mt ON mt.code = split_part(m.code, '.', 1) || '.' || split_part(m.code, '.', 2)
    CROSS JOIN "Org" o
    WHERE m.id = ANY(${[...a.measureIds]}::int[]) AND m.level = 'MEASURE'
      AND o.id = ANY(${[...a.targetOrgIds]}::int[])
    ORDER BY o.id, m.id
    ON CONFLICT ("objectiveId", "orgId") DO NOTHING`;
  if (created === 0) return 0;
  await insertTaskIndicators(tx, batchTasks(a.batchId), a.indicatorTargets);
  // Before the new tasks' roll-ups, whose regions lie below the assigner's (e.g. the parent's
  // change of a 分解): roll-up rows are taken in ascending org id.
  await a.beforeRollups?.(created);
  await applyBatch(tx, a.batchId, a.dueDate);
  await shiftIndicatorRollups(tx, batchTasks(a.batchId), 1);
  await tx.$executeRaw`
    INSERT INTO "TaskEvent" ("taskId", "actorId", "type", "toStatus", "changes", "createdAt")
    SELECT t.id, ${a.actorId}, ${a.parentTaskId === null ? "ASSIGNED" : "CASCADED"}::"TaskEventType", 'PENDING_SIGN'::"TaskStatus",
           jsonb_build_object('dueDate', jsonb_build_array(null, to_char(t."dueDate", 'YYYY-MM-DD'))), now()
    FROM "Task" t WHERE t."batchId" = ${a.batchId}`;
  // One notification per receiving org and batch, to the org's recipients.
  await tx.$executeRaw`
    INSERT INTO "Notification" ("userId", "type", "params", "createdAt")
    SELECT u.id, 'NEW_TASKS'::"NotificationType",
           jsonb_build_object('count', c.n, 'assignerOrg', r.name, 'batchId', ${a.batchId}::int), now()
    FROM (SELECT "orgId", count(*) AS n FROM "Task" WHERE "batchId" = ${a.batchId} GROUP BY "orgId") c
    CROSS JOIN LATERAL (${orgRecipientsSql(Prisma.sql`c."orgId"`)}) u
    JOIN "Org" r ON r.id = ${a.reviewOrgId}`;
  return created;
}
