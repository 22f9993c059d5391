import "server-only";
import { getDb } from "@/lib/db/client";

// Import jobs run in the server process, in the background of the request that started them: the
// job row (ImportJob) is the state, so the page polls it and a reload changes nothing. While a job
// runs here its row is touched every HEARTBEAT_MS; a job whose row has gone quiet lost its process
// (a restart) and is marked FAILED (INTERRUPTED) by `failInterruptedJobs` (recover.ts): its uploaded
// bytes lived in memory only, and an unfinished commit was rolled back with its transaction.

export const HEARTBEAT_MS = 20_000;

const running = new Set<Promise<unknown>>();

async function touch(jobId: number): Promise<void> {
  await getDb().importJob.updateMany({
    where: { id: jobId, status: { in: ["QUEUED", "PARSING", "COMMITTING"] } },
    data: { updatedAt: new Date() },
  });
}

/**
 * Starts `work` for job `jobId` without awaiting it; errors are logged (the work records its own
 * failure on the job). The returned promise settles when the work has ended (tests await it).
 */
export function runInBackground(jobId: number, work: () => Promise<unknown>): Promise<void> {
  const beat = setInterval(() => void touch(jobId).catch(() => undefined), HEARTBEAT_MS);
  beat.unref?.();
  const p = work()
    .catch((e: unknown) => console.error(`[imports] job ${jobId} failed`, e))
    .finally(() => clearInterval(beat))
    .then(() => undefined);
  running.add(p);
  void p.finally(() => running.delete(p));
  return p;
}

/** Resolves when every background job of this process has ended (tests, graceful shutdown). */
export async function settleImportJobs(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}
