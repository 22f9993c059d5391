import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TIndicatorTargets } from "./insert-task-indicators";

// The server's check of the targets a 下达/分解 sets (the form computes them from a split; the
// server never trusts it): one measure only, live indicators of that measure, each indicator once,
// and for each one exactly the receiving orgs, each once.

export async function checkIndicatorTargets(
  tx: TTx,
  a: {
    measureIds: readonly number[];
    targetOrgIds: readonly number[];
    targets: TIndicatorTargets | undefined;
  },
): Promise<void> {
  if (!a.targets?.length) return;
  if (a.measureIds.length !== 1) throw new AppError("INDICATOR_ONE_MEASURE");
  const ids = a.targets.map((t) => t.indicatorId);
  const live = await tx.indicator.findMany({
    where: { id: { in: ids }, objectiveId: a.measureIds[0], retiredAt: null },
    select: { id: true },
  });
  if (live.length !== ids.length || new Set(ids).size !== ids.length)
    throw new AppError("INDICATOR_NOT_OF_MEASURE");
  const orgs = new Set(a.targetOrgIds);
  for (const t of a.targets) {
    const listed = new Set(t.targets.map((x) => x.orgId));
    if (
      listed.size !== t.targets.length ||
      listed.size !== orgs.size ||
      [...listed].some((o) => !orgs.has(o))
    )
      throw new AppError("INDICATOR_TARGET_ORGS");
  }
}

/** 转派: the new unit takes over the old task's targets (of indicators still live). */
export async function carriedTargets(tx: TTx, taskId: number, orgId: number): Promise<TIndicatorTargets> {
  const rows = await tx.taskIndicator.findMany({
    where: { taskId, target: { not: null }, indicator: { retiredAt: null } },
    select: { indicatorId: true, target: true },
  });
  return rows.map((r) => ({
    indicatorId: r.indicatorId,
    targets: [{ orgId, target: r.target!.toFixed(6) }],
  }));
}

/**
 * 进展: typed values only for indicators the task carries, and never for a task passed down (it
 * derives its actuals from its children, like its progress).
 */
export async function checkIndicatorValues(
  tx: Pick<TTx, "taskIndicator">,
  task: { id: number; hasChildren: boolean },
  values: readonly { indicatorId: number }[] | undefined,
): Promise<void> {
  if (!values?.length) return;
  if (task.hasChildren) throw new AppError("INDICATOR_DERIVED");
  const ids = values.map((v) => v.indicatorId);
  const carried = await tx.taskIndicator.count({ where: { taskId: task.id, indicatorId: { in: ids } } });
  if (carried !== ids.length || new Set(ids).size !== ids.length)
    throw new AppError("INDICATOR_NOT_OF_MEASURE");
}
