import "server-only";
import type { TDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Tasks the user is responsible for or helps with, as a `where` the planner can answer from
 * indexes: the responsible-person index OR the primary keys of the user's helper rows. (A
 * `helpers: { some }` inside an OR becomes a per-row subquery and scans every task: 1.7 s at
 * national size.)
 */
export async function mineWhere(db: TDb, userId: number): Promise<Prisma.TaskWhereInput> {
  const helped = await db.taskHelper.findMany({ where: { userId }, select: { taskId: true } });
  const ids = helped.map((h) => h.taskId);
  return { OR: [{ responsibleId: userId }, ...(ids.length ? [{ id: { in: ids } }] : [])] };
}
