import "server-only";
import { getDb } from "@/lib/db/client";

export type TTaskIndicatorRow = {
  id: number;
  name: string;
  unit: string;
  direction: "HIGHER" | "LOWER";
  retired: boolean;
  target: number | null;
  actual: number | null;
};

/**
 * The indicators of a task's measure with the task's target and actual: the live ones, and retired
 * ones the task already carries. Call it only for a task the page found in the user's scope
 * (getTaskDetail), like the rest of the task page.
 */
export async function getTaskIndicators(task: {
  id: number;
  objectiveId: number;
}): Promise<TTaskIndicatorRow[]> {
  const rows = await getDb().indicator.findMany({
    where: {
      objectiveId: task.objectiveId,
      OR: [{ retiredAt: null }, { tasks: { some: { taskId: task.id } } }],
    },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      unit: true,
      direction: true,
      retiredAt: true,
      tasks: { where: { taskId: task.id }, select: { target: true, actual: true } },
    },
  });
  return rows.map((r) => {
    const ti = r.tasks[0];
    return {
      id: r.id,
      name: r.name,
      unit: r.unit,
      direction: r.direction,
      retired: r.retiredAt !== null,
      target: ti?.target == null ? null : Number(ti.target),
      actual: ti?.actual == null ? null : Number(ti.actual),
    };
  });
}
