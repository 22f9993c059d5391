import type { TDb } from "@/lib/db/client";

/** JobRun history kept: this many days, and at most this many rows per job. */
export const KEEP_DAYS = 30;
export const KEEP_PER_JOB = 500;
/** A RUNNING row older than this lost its process (the longest job expires after 30 minutes). */
export const STALE_RUNNING_MS = 2 * 60 * 60 * 1000;

/**
 * Keeps the JobRun history bounded (KEEP_DAYS, KEEP_PER_JOB) and closes rows whose process died
 * mid-run as FAILED, so the page does not show them running for ever.
 */
export async function pruneJobRuns(
  db: TDb,
  now = new Date(),
): Promise<{ deleted: number; interrupted: number }> {
  const before = new Date(now.getTime() - KEEP_DAYS * 86_400_000);
  const stale = new Date(now.getTime() - STALE_RUNNING_MS);
  const interrupted = await db.$executeRaw`
    UPDATE "JobRun" SET status = 'FAILED', "finishedAt" = ${now}, error = 'interrupted (the process ended mid-run)'
    WHERE status = 'RUNNING' AND "startedAt" < ${stale}`;
  const deleted = await db.$executeRaw`
    DELETE FROM "JobRun" WHERE "startedAt" < ${before} OR id IN (
      SELECT id FROM (
        SELECT id, row_number() OVER (PARTITION BY job ORDER BY "startedAt" DESC, id DESC) AS n FROM "JobRun"
      ) ranked WHERE n > ${KEEP_PER_JOB})`;
  return { deleted, interrupted };
}
