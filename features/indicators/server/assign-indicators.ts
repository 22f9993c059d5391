import "server-only";
import { getDb } from "@/lib/db/client";
import type { TIndicatorDef } from "../lib/types";
import { listLiveIndicators } from "./list-indicators";

export type TAssignIndicators = {
  /** Live indicators of the measures the form may assign, by measure id. */
  byMeasure: Record<number, TIndicatorDef[]>;
  /** For 分解: the parent task's targets, by indicator id (the default totals). */
  parentTargets: Record<number, number>;
};

/**
 * What the 下达/分解 form needs of the indicators. Call it only with what getAssignContext returned
 * for the user (its measures, and a parent task it found in the user's scope).
 */
export async function getAssignIndicators(opts: {
  measureIds: readonly number[];
  parentTaskId?: number;
}): Promise<TAssignIndicators> {
  const byMeasure = await listLiveIndicators(opts.measureIds);
  const parentTargets: Record<number, number> = {};
  if (opts.parentTaskId) {
    const rows = await getDb().taskIndicator.findMany({
      where: { taskId: opts.parentTaskId, target: { not: null } },
      select: { indicatorId: true, target: true },
    });
    for (const r of rows) parentTargets[r.indicatorId] = Number(r.target);
  }
  return { byMeasure, parentTargets };
}
