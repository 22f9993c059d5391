import os from "node:os";
import { getDb, type TDb } from "@/lib/db/client";
import { sanitizeError } from "../lib/sanitize-error";
import type { TJobDef } from "./registry";

// No "server-only": instrumentation.ts starts the runners outside the React server layer.

export type TTrigger = "SCHEDULE" | "MANUAL";

/** This process, as JobRun.instance shows it. */
export function instanceName(): string {
  return `${os.hostname()}:${process.pid}`.slice(0, 200);
}

/**
 * Runs a job once and records the run: a RUNNING row first (the page shows it running), then
 * SUCCEEDED with the job's summary or FAILED with a sanitised message. A failure is rethrown, so
 * that pg-boss retries it; the in-process runner logs it and tries again at the next tick.
 */
export async function runRecorded(
  job: TJobDef,
  opts: { trigger: TTrigger; attempt?: number; db?: TDb } = { trigger: "SCHEDULE" },
): Promise<{ runId: number }> {
  const db = opts.db ?? getDb();
  const { id } = await db.jobRun.create({
    data: { job: job.name, trigger: opts.trigger, attempt: opts.attempt ?? 0, instance: instanceName() },
    select: { id: true },
  });
  try {
    const summary = await job.run(db);
    await db.jobRun.update({
      where: { id },
      data: { status: "SUCCEEDED", finishedAt: new Date(), summary },
    });
    return { runId: id };
  } catch (e) {
    const error = sanitizeError(e);
    console.error(`[jobs] ${job.name} failed: ${error}`);
    await db.jobRun
      .update({ where: { id }, data: { status: "FAILED", finishedAt: new Date(), error } })
      .catch(() => undefined);
    throw e;
  }
}
