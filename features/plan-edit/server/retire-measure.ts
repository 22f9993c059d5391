import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordChanges } from "@/lib/history/record-change";
import { OPEN_STATUSES } from "@/lib/task-status";
import { auditPlanActor, type TPlanActor } from "@/features/plan-import/server/draft-scope";
import { cancelTaskIn } from "@/features/tasks/server/cancel-task";
import type { TRetireMeasure } from "../schemas";
import { loadEditableObjective } from "./plan-scope";

/**
 * Retires a measure: it takes no new tasks (下达 and 认领 skip retired measures); its history and its
 * finished tasks stay. Open tasks need an explicit choice: keep them running, or cancel each through
 * the one 撤销 path (same checks, timeline entry and roll-ups as a manual cancel), children before
 * parents, all in one transaction with the retirement. Without a choice: PLAN_OPEN_TASKS.
 */
export async function retireMeasure(
  actor: TPlanActor & { username?: string },
  input: TRetireMeasure,
  now = new Date(),
): Promise<{ cancelled: number; kept: number }> {
  return getDb().$transaction(
    async (tx) => {
      const m = await loadEditableObjective(tx, actor, input.objectiveId);
      if (m.level !== "MEASURE") throw new AppError("VALIDATION", { objectiveId: "notMeasure" });
      if (m.retiredAt) throw new AppError("INVALID_TRANSITION");
      const open = await tx.task.findMany({
        where: { objectiveId: m.id, status: { in: [...OPEN_STATUSES] } },
        select: { id: true, orgPath: true },
      });
      if (open.length > 0 && !input.openTasks)
        throw new AppError("PLAN_OPEN_TASKS", { openTasks: String(open.length) });
      let cancelled = 0;
      if (input.openTasks === "cancel") {
        // A task passed down is held deeper than its parent: deepest first, so no parent has open children.
        for (const t of [...open].sort((a, b) => b.orgPath.length - a.orgPath.length || a.id - b.id)) {
          await cancelTaskIn(tx, actor, { taskId: t.id, reason: input.reason, now });
          cancelled++;
        }
      }
      await tx.objective.update({ where: { id: m.id }, data: { retiredAt: now } });
      await recordChanges(tx, [
        {
          entity: "OBJECTIVE",
          entityId: m.id,
          action: "retire",
          changes: {
            retiredAt: [null, now.toISOString()],
            ...(open.length > 0
              ? { openTasks: [null, input.openTasks], taskCount: [null, open.length] }
              : {}),
          },
          note: input.openTasks === "cancel" ? input.reason : null,
          actorId: actor.id,
        },
      ]);
      await recordAudit(
        {
          action: "plan.edit",
          actor: auditPlanActor(actor),
          target: { type: "objective", id: m.id },
          detail: { op: "retire", code: m.code, cancelled, kept: open.length - cancelled },
        },
        tx,
      );
      return { cancelled, kept: open.length - cancelled };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
