import "server-only";
import type { TTx } from "@/lib/db/client";

/**
 * A task passed down (分解) takes its progress from its children: the mean of the
 * non-cancelled children, a completed child counting 100. Walks up to the root.
 * The version is not bumped: derived values are not edits anyone could lose.
 */
export async function deriveParentProgress(tx: TTx, parentTaskId: number | null): Promise<void> {
  let id = parentTaskId;
  for (let depth = 0; id !== null && depth < 8; depth++) {
    const rows = await tx.$queryRaw<{ parent: number | null }[]>`
      UPDATE "Task" p SET "progress" = COALESCE((
        SELECT round(avg(CASE WHEN c.status = 'COMPLETED' THEN 100 ELSE c.progress END))::int
        FROM "Task" c WHERE c."parentTaskId" = p.id AND c.status <> 'CANCELLED'), p."progress"), "updatedAt" = now()
      WHERE p.id = ${id} AND p.status NOT IN ('COMPLETED', 'CANCELLED')
      RETURNING p."parentTaskId" AS parent`;
    id = rows[0]?.parent ?? null;
  }
}
