import "server-only";
import { getDb } from "@/lib/db/client";
import { editablePlanWhere } from "@/features/plan-edit/server/plan-scope";
import type { TPlanActor } from "@/features/plan-import/server/draft-scope";
import type { TIndicatorDef } from "../lib/types";

export type { TIndicatorDef };

const SELECT = {
  id: true,
  objectiveId: true,
  name: true,
  unit: true,
  aggregation: true,
  direction: true,
  retiredAt: true,
} as const;

type TRow = { objectiveId: number; retiredAt: Date | null } & Omit<TIndicatorDef, "retired">;
const byMeasure = (rows: TRow[]) => {
  const out: Record<number, TIndicatorDef[]> = {};
  for (const { objectiveId, retiredAt, ...r } of rows)
    (out[objectiveId] ??= []).push({ ...r, retired: retiredAt !== null });
  return out;
};

/** The indicators of a plan the actor may edit, by measure (retired ones too), for the edit page. */
export async function listPlanIndicators(actor: TPlanActor, planId: number) {
  if (!actor.permissions.has("plan:manage")) return {};
  const rows = await getDb().indicator.findMany({
    where: { objective: { planId, plan: editablePlanWhere(actor) } },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: SELECT,
  });
  return byMeasure(rows);
}

/**
 * The live indicators of the given measures (the 下达 form's choice), by measure. Indicator
 * definitions are plan data, readable by whoever may see the measure (the picker lists it already).
 */
export async function listLiveIndicators(measureIds: readonly number[]) {
  if (measureIds.length === 0) return {};
  const rows = await getDb().indicator.findMany({
    where: {
      objectiveId: { in: [...measureIds] },
      retiredAt: null,
      // A retired measure's kept tasks may still be passed down (分解): only the indicator must be live.
      objective: { level: "MEASURE" },
    },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: SELECT,
  });
  return byMeasure(rows);
}
