import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TDb, type TTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visiblePlanWhere } from "@/features/plans/server/visible-plans";
import { AppError } from "@/lib/errors";
import { chinaToday, parseDay } from "@/lib/dates";
import type { TTaskActor } from "../lib/task-permissions";
import type { TAssignTasks } from "../schemas";
import { auditActor } from "./audit-actor";
import { insertTasks } from "./insert-tasks";
import { loadTaskForAction, type TLoadedTask } from "./load-task";
import { resolveTargets } from "./resolve-targets";
import { lockTreeShared } from "@/lib/db/tree-lock";
import { applyTaskChangeIn } from "./write/apply-change";
import { checkIndicatorTargets } from "@/features/indicators/server/indicator-targets";
import { insertReportingRule } from "@/features/reporting/server/rules";

/**
 * 分解 locks the chain and the parent first (task rows parent → child, as every writer), then
 * inserts the children, changes the parent (its regions: on its path) and only then adds the
 * children's roll-ups (regions below the parent's holder), so roll-up rows go in ascending org id.
 * No roll-up row is locked before the insert, which may wait for a concurrent claim of the same pair.
 */
async function lockForCascade(tx: TTx, parent: TLoadedTask): Promise<void> {
  const ids = [...parent.chain.map((l) => l.id), parent.id];
  await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
}

/** At most this many tasks per 下达 (e.g. 82 measures × 600 orgs); larger ones are split by the user. */
export const MAX_TASKS_PER_BATCH = 50_000;

export type TAssignResult = {
  batchId: number;
  created: number;
  skipped: number;
  measures: number;
  targets: number;
};

/**
 * Expands any selected objectives (main task, sub-item, measure) into their measures. For 下达
 * (`plans` given) only live objectives of plans the actor sees: a retired one, or one of a plan
 * out of sight, is refused like an unknown one, and a main task or sub-item stands for its live
 * measures. 分解 passes its parent's measure on as it is.
 */
async function expandToMeasures(
  tx: TTx,
  objectiveIds: readonly number[],
  plans: Prisma.PlanWhereInput | null,
): Promise<number[]> {
  const live = plans ? { retiredAt: null, plan: plans } : {};
  const picked = await tx.objective.findMany({
    where: { id: { in: [...objectiveIds] }, ...live },
    select: { code: true },
  });
  if (picked.length !== new Set(objectiveIds).size)
    throw new AppError("VALIDATION", { objectiveIds: "objectivesRequired" });
  const measures = await tx.objective.findMany({
    where: {
      level: "MEASURE",
      ...live,
      OR: picked.flatMap((p) => [{ code: p.code }, { code: { startsWith: `${p.code}.` } }]),
    },
    select: { id: true },
  });
  // A branch whose measures are all retired gives nothing to assign.
  if (measures.length === 0) throw new AppError("VALIDATION", { objectiveIds: "objectivesRequired" });
  return measures.map((m) => m.id);
}

async function existingBatch(
  db: TDb | TTx,
  clientToken: string,
  actorId: number,
): Promise<TAssignResult | null> {
  const b = await db.assignmentBatch.findUnique({ where: { clientToken } });
  return b && b.createdById === actorId
    ? {
        batchId: b.id,
        created: b.taskCount,
        skipped: b.skippedCount,
        measures: b.measureCount,
        targets: b.targetCount,
      }
    : null;
}

/**
 * 下达 (and 分解 when parentTaskId is set): creates one task per measure × target org in one
 * transaction. Targets must lie strictly inside the assigning org's subtree.
 */
export async function assignTasks(
  actor: TTaskActor,
  input: TAssignTasks,
  now = new Date(),
): Promise<TAssignResult> {
  if (!actor.permissions.has("task:assign")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const repeat = await existingBatch(db, input.clientToken, actor.id);
  if (repeat) return repeat;
  const due = parseDay(input.dueDate);
  if (due < chinaToday(now) && !input.allowPastDue) throw new AppError("VALIDATION", { dueDate: "pastDue" });
  try {
    return await db.$transaction(
      async (tx) => {
        await lockTreeShared(tx); // first: no tree change between reading the targets' paths and the commit
        let assignerOrgId = actor.orgId;
        let objectiveIds = input.objectiveIds;
        let parent: TLoadedTask | null = null;
        if (input.parentTaskId) {
          parent = await loadTaskForAction(tx, actor, { taskId: input.parentTaskId, action: "cascade" });
          await lockForCascade(tx, parent);
          assignerOrgId = parent.orgId;
          objectiveIds = [parent.objectiveId];
          if (due > parent.dueDate) throw new AppError("VALIDATION", { dueDate: "afterParentDue" });
        }
        const plans = parent ? null : (await visiblePlanWhere(actor, tx)).where;
        const measureIds = await expandToMeasures(tx, objectiveIds, plans);
        const targetOrgIds = await resolveTargets(tx, assignerOrgId, input.target);
        if (measureIds.length * targetOrgIds.length > MAX_TASKS_PER_BATCH) throw new AppError("TOO_MANY");
        await checkIndicatorTargets(tx, { measureIds, targetOrgIds, targets: input.indicatorTargets });
        const batch = await tx.assignmentBatch.create({
          data: {
            clientToken: input.clientToken,
            createdById: actor.id,
            assignerOrgId,
            measureCount: measureIds.length,
            targetCount: targetOrgIds.length,
            taskCount: 0,
            skippedCount: 0,
          },
        });
        const created = await insertTasks(tx, {
          measureIds,
          targetOrgIds,
          reviewOrgId: assignerOrgId,
          parentTaskId: parent?.id ?? null,
          batchId: batch.id,
          dueDate: due,
          priority: input.priority,
          note: input.note ?? null,
          targetValue: input.targetValue ?? null,
          targetUnit: input.targetUnit ?? null,
          actorId: actor.id,
          indicatorTargets: input.indicatorTargets,
          // The task passed down now derives its progress from its children (and its chain from it).
          beforeRollups: async (n) => {
            if (parent)
              await applyTaskChangeIn(tx, {
                task: parent,
                actorId: actor.id,
                now,
                progress: "derived",
                event: { type: "CASCADED", changes: { tasks: [null, n] } },
              });
          },
        });
        const skipped = measureIds.length * targetOrgIds.length - created;
        await tx.assignmentBatch.update({
          where: { id: batch.id },
          data: { taskCount: created, skippedCount: skipped },
        });
        // 定期报送 required of this 下达: a rule on its batch, in the same transaction.
        if (input.reporting)
          await insertReportingRule(tx, actor, { target: { batchId: batch.id }, rule: input.reporting });
        await recordAudit(
          {
            action: "task.assign",
            actor: auditActor(actor),
            target: { type: "batch", id: batch.id },
            detail: {
              assignerOrgId,
              parentTaskId: parent?.id ?? null,
              measures: measureIds.length,
              orgs: targetOrgIds.length,
              tasks: created,
              skipped,
              target: input.target.mode === "orgs" ? { mode: "orgs" } : input.target,
            },
          },
          tx,
        );
        return {
          batchId: batch.id,
          created,
          skipped,
          measures: measureIds.length,
          targets: targetOrgIds.length,
        };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (e) {
    // Two identical submits racing: the loser hits the unique client token; answer with the winner's batch.
    const repeated = await existingBatch(db, input.clientToken, actor.id);
    if (repeated) return repeated;
    throw e;
  }
}
