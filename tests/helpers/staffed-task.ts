import crypto from "node:crypto";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignStaff } from "@/features/tasks/server/assign-staff";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { signTask } from "@/features/tasks/server/sign-task";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import type { TDb } from "@/lib/db/client";
import type { TTestActor } from "./actors";

/**
 * The evidence tests' starting point: 河北 gives measure 3.3.1.1 to 正定县, whose chair signs it and makes
 * zhengding.staff responsible (version 3, IN_PROGRESS). Returns the task id.
 */
export async function createStaffedTask(
  db: TDb,
  A: Record<string, TTestActor>,
  opts: { dueInDays: number },
): Promise<number> {
  const m = await db.objective.findUniqueOrThrow({ where: { code: "3.3.1.1" } });
  const county = await db.org.findUniqueOrThrow({ where: { code: "130123" } });
  await assignTasks(
    A.hebei!,
    ZAssignTasks.parse({
      clientToken: crypto.randomUUID(),
      objectiveIds: [m.id],
      target: { mode: "orgs", orgIds: [county.id] },
      dueDate: formatDay(addDays(chinaToday(), opts.dueInDays)),
    }),
  );
  const taskId = (await db.task.findFirstOrThrow({ where: { objectiveId: m.id, orgId: county.id } })).id;
  await signTask(A["zhengding.chair"]!, { taskId, version: 1 });
  await assignStaff(A["zhengding.chair"]!, {
    taskId,
    version: 2,
    responsibleId: A["zhengding.staff"]!.id,
    helperIds: [],
  });
  return taskId;
}
