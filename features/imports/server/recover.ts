import "server-only";
import { getDb } from "@/lib/db/client";

/** Jobs untouched for this long while QUEUED, PARSING or COMMITTING have lost their process. */
export const STALE_AFTER_MS = 2 * 60 * 1000;

/**
 * Marks jobs whose process is gone as FAILED (INTERRUPTED). A running job's row is touched every
 * HEARTBEAT_MS (runner.ts), so only rows quiet for STALE_AFTER_MS are taken: several servers may run
 * this side by side (the job `import-recovery`, every minute: features/jobs/server/registry.ts).
 */
export async function failInterruptedJobs(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - STALE_AFTER_MS);
  const { count } = await getDb().importJob.updateMany({
    where: { status: { in: ["QUEUED", "PARSING", "COMMITTING"] }, updatedAt: { lt: before } },
    data: { status: "FAILED", errorCode: "INTERRUPTED", finishedAt: now },
  });
  return count;
}
