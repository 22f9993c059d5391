import { getTaskLight } from "../server/get-task-light";
import { LightBadge } from "./light-badge";

/** The task page's light with its reasons (已逾期 / 漏报 / 即将到期 / 进度滞后 / 迟报). */
export async function TaskLight({
  user,
  taskId,
  today,
}: {
  user: { orgId: number };
  taskId: number;
  today: Date;
}) {
  const x = await getTaskLight(user, taskId, today);
  if (!x?.light) return null;
  return (
    <div className="mb-3">
      <LightBadge light={x.light} reasons={x.reasons} />
    </div>
  );
}
