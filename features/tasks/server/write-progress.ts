import "server-only";
import type { TTx } from "@/lib/db/client";
import type { TLogProgress } from "../schemas";

/**
 * The common 进展填报 as one statement (no interactive transaction): for a task that was not
 * passed down, without a quantity or evidence. It does what updateTaskIfUnchanged + recordEvent
 * do for this change, under the same rules:
 * - the task row is locked and must still be at the version the caller checked (else null: CONFLICT);
 * - the task stays IN_PROGRESS, so its roll-up contribution changes only in progressSum, by
 *   (new − old) percent (features/rollups/lib/contribution.ts), on every org above it except the
 *   root — rows locked in ascending org id after the task row, the order every writer uses;
 * - the progress record and the timeline entry ({progress: [before, after], state?}) are written.
 */
export async function writeProgressOnly(db: Pick<TTx, "$queryRaw">, task: { id: number; version: number }, actorId: number, input: TLogProgress, now: Date): Promise<number | null> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH cur AS MATERIALIZED (
      SELECT id, progress, "progressState", "orgPath", "objectiveId" FROM "Task"
      WHERE id = ${task.id} AND version = ${task.version} AND status = 'IN_PROGRESS' FOR UPDATE),
    lk AS MATERIALIZED (
      SELECT r."orgId" FROM "Rollup" r JOIN cur ON r."objectiveId" = cur."objectiveId" AND r."orgId" = ANY(cur."orgPath"[2:])
      ORDER BY r."orgId" FOR UPDATE OF r),
    upd AS (
      UPDATE "Task" t SET progress = ${input.percent}, "progressState" = ${input.state}::"ProgressState", "lastProgressAt" = ${now},
        version = t.version + 1, "updatedAt" = ${now}
      FROM cur WHERE t.id = cur.id RETURNING t.id),
    roll AS (
      UPDATE "Rollup" r SET "progressSum" = r."progressSum" + (${input.percent}::int - cur.progress)
      FROM cur, lk WHERE r."orgId" = lk."orgId" AND r."objectiveId" = cur."objectiveId" RETURNING r."orgId"),
    ev AS (
      INSERT INTO "TaskEvent" ("taskId", "actorId", type, changes, message, "createdAt")
      SELECT cur.id, ${actorId}, 'PROGRESS'::"TaskEventType",
        jsonb_build_object('progress', jsonb_build_array(cur.progress, ${input.percent}::int))
          || CASE WHEN cur."progressState"::text <> ${input.state} THEN jsonb_build_object('state', jsonb_build_array(cur."progressState"::text, ${input.state}::text)) ELSE '{}'::jsonb END,
        ${input.narrative}, ${now}
      FROM cur RETURNING id)
    INSERT INTO "ProgressUpdate" ("taskId", "authorId", percent, state, narrative, "clientToken", "createdAt")
    SELECT upd.id, ${actorId}, ${input.percent}, ${input.state}::"ProgressState", ${input.narrative}, ${input.clientToken}, ${now}
    FROM upd RETURNING id`;
  return rows[0]?.id ?? null;
}
