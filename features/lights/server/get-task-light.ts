import "server-only";
import { getDb } from "@/lib/db/client";
import { taskScopeWhere } from "@/lib/auth/scope";
import {
  DEFAULT_WARNING,
  lightReasons,
  REASON_LIGHT,
  type TLightReason,
  type TTaskLight,
} from "../lib/light";

/**
 * The light of one task in the user's scope (null outside it) and why: the stored light (what the
 * figures count) with today's reasons of that colour.
 */
export async function getTaskLight(
  user: { orgId: number },
  taskId: number,
  today: Date,
): Promise<{ light: TTaskLight | null; reasons: TLightReason[] } | null> {
  const task = await getDb().task.findFirst({
    where: { AND: [{ id: taskId }, taskScopeWhere(user)] },
    select: {
      light: true,
      status: true,
      dueDate: true,
      createdAt: true,
      progress: true,
      reportFlag: true,
      reviewOrg: { select: { warningSetting: { select: { dueSoonDays: true, lagPoints: true } } } },
    },
  });
  if (!task) return null;
  const reasons = lightReasons(task, task.reviewOrg.warningSetting ?? DEFAULT_WARNING, today);
  return { light: task.light, reasons: reasons.filter((r) => REASON_LIGHT[r] === task.light) };
}
