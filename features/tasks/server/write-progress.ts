import "server-only";
import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TLogProgress } from "../schemas";
import type { TLoadedTask } from "./load-task";
import { writeInOneStatement } from "./write-in-one-statement";

/**
 * The common 进展填报 as one statement: for a task that was not passed down, without a quantity
 * or evidence. The task keeps its status, so its roll-ups change only in progressSum. The
 * progress record and the timeline entry ({progress: [before, after], state?}) are written as in
 * logProgressInTransaction. Null: the task moved on since it was loaded.
 */
export async function writeProgressOnly(
  db: Pick<TTx, "$queryRaw">,
  task: TLoadedTask,
  actorId: number,
  input: TLogProgress,
  now: Date,
): Promise<number | null> {
  const done = await writeInOneStatement(db, {
    task,
    actorId,
    now,
    progressTo: input.percent,
    set: Prisma.sql`progress = ${input.percent}, "progressState" = ${input.state}::"ProgressState", "lastProgressAt" = ${now}`,
    event: {
      type: "PROGRESS",
      message: input.narrative,
      changes: Prisma.sql`jsonb_build_object('progress', jsonb_build_array(cur.progress, ${input.percent}::int))
        || CASE WHEN cur."progressState"::text <> ${input.state} THEN jsonb_build_object('state', jsonb_build_array(cur."progressState"::text, ${input.state}::text)) ELSE '{}'::jsonb END`,
    },
    more: [
      Prisma.sql`pu AS (
      INSERT INTO "ProgressUpdate" ("taskId", "authorId", percent, state, narrative, "clientToken", "createdAt")
      SELECT upd.id, ${actorId}, ${input.percent}, ${input.state}::"ProgressState", ${input.narrative}, ${input.clientToken}, ${now}
      FROM upd RETURNING id)`,
    ],
    result: Prisma.sql`(SELECT id FROM pu)`,
  });
  return done?.result ?? null;
}
