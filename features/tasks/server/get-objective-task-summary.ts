import "server-only";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { chinaToday } from "@/lib/dates";
import { getDb } from "@/lib/db/client";
import type { TTaskStatus } from "@/lib/task-status";
import type { TTaskActor } from "../lib/task-permissions";

/**
 * An objective's tasks in the user's region, by status: the completion figures of the user's org
 * scoped to the objective (read from the roll-ups, so the same at national size as for a county,
 * and counted like 完成情况: each assignment chain once). The links open exactly these tasks
 * (`tasksHref`: the org's counted tasks). Cancelled tasks are not counted.
 */
export async function getObjectiveTaskSummary(user: TTaskActor, code: string, today = chinaToday()) {
  const data = await getCompletion(
    user,
    { orgId: user.orgId, objective: code, today, regionOnly: true },
    { db: getDb() },
  );
  const m = data?.region;
  const byStatus: Record<Exclude<TTaskStatus, "CANCELLED">, number> = {
    PENDING_SIGN: m?.pendingSign ?? 0,
    HANDED_BACK: m?.handedBack ?? 0,
    IN_PROGRESS: m?.inProgress ?? 0,
    SUBMITTED: m?.submitted ?? 0,
    COMPLETED: m?.completed ?? 0,
  };
  return {
    orgId: user.orgId,
    byStatus,
    total: m?.total ?? 0,
    overdue: m?.overdue ?? 0,
    completionRate: m?.completionRate ?? null,
  };
}
export type TObjectiveTaskSummary = Awaited<ReturnType<typeof getObjectiveTaskSummary>>;
