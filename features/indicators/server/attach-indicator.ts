import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { shiftIndicatorRollups } from "./insert-task-indicators";

/**
 * A new indicator of a measure that already has tasks: every task of the measure carries it from
 * now on (no target, no actual yet: reports and 分解 targets come afterwards) and counts in
 * IndicatorRollup. Call it in the transaction that creates the indicator. The tasks' versions
 * move, so a change of one of them that started before (and cannot see the new rows) gets
 * CONFLICT instead of leaving the new indicator's roll-ups behind; task rows are locked in
 * ascending id, as every writer takes them. Returns how many tasks now carry it.
 */
export async function attachIndicator(tx: TTx, indicatorId: number): Promise<number> {
  const ind = await tx.indicator.findUniqueOrThrow({
    where: { id: indicatorId },
    select: { objectiveId: true, retiredAt: true },
  });
  if (ind.retiredAt) return 0;
  await tx.$queryRaw`SELECT id FROM "Task" WHERE "objectiveId" = ${ind.objectiveId} ORDER BY id FOR UPDATE`;
  await tx.$executeRaw`UPDATE "Task" SET version = version + 1 WHERE "objectiveId" = ${ind.objectiveId}`;
  const n = await tx.$executeRaw`
    INSERT INTO "TaskIndicator" ("taskId", "indicatorId")
    SELECT t.id, ${indicatorId} FROM "Task" t WHERE t."objectiveId" = ${ind.objectiveId}
    ORDER BY t.id
    ON CONFLICT ("taskId", "indicatorId") DO NOTHING`;
  await shiftIndicatorRollups(
    tx,
    Prisma.sql`t."objectiveId" = ${ind.objectiveId} AND ti."indicatorId" = ${indicatorId}`,
    1,
  );
  return n;
}
