import "server-only";
import type { TTx } from "@/lib/db/client";
import { applyTaskDelta } from "@/features/rollups/server/apply-delta";
import { lockTaskSnapshot, SNAPSHOT_SELECT } from "@/features/rollups/server/snapshot";

/**
 * A task passed down (分解) takes its progress from its children: the mean of the
 * non-cancelled children, a completed child counting 100. Walks up to the root.
 * The version is not bumped: derived values are not edits anyone could lose.
 * Callers run this before changing roll-ups themselves, so task rows are always locked
 * before roll-up rows (no lock-order cycles).
 */
export async function deriveParentProgress(tx: TTx, parentTaskId: number | null): Promise<void> {
  let id = parentTaskId;
  for (let depth = 0; id !== null && depth < 8; depth++) {
    const before = await lockTaskSnapshot(tx, id);
    if (!before) return;
    if (before.status !== "COMPLETED" && before.status !== "CANCELLED") {
      const [avg] = await tx.$queryRaw<{ value: number | null }[]>`
        SELECT round(avg(CASE WHEN c.status = 'COMPLETED' THEN 100 ELSE c.progress END))::int AS value
        FROM "Task" c WHERE c."parentTaskId" = ${id} AND c.status <> 'CANCELLED'`;
      if (avg?.value !== null && avg?.value !== undefined && avg.value !== before.progress) {
        const after = await tx.task.update({
          where: { id },
          data: { progress: avg.value },
          select: SNAPSHOT_SELECT,
        });
        await applyTaskDelta(tx, before, after);
      }
    }
    id = before.parentTaskId;
  }
}
