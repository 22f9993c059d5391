import "server-only";
import { getDb } from "@/lib/db/client";
import type { ImportStatus } from "@/lib/generated/prisma/client";

/**
 * Progress written from outside a running transaction (so the page sees it while the commit is
 * still open), never awaited by it: one write in flight at a time, the latest figure wins. On
 * embedded PGlite (one connection) the writes simply wait for the transaction and then find the job
 * no longer in `status`.
 */
export function progressReporter(jobId: number, status: ImportStatus) {
  let inFlight = false;
  let pending: [number, number] | null = null;
  const flush = () => {
    if (inFlight || !pending) return;
    const [done, total] = pending;
    pending = null;
    inFlight = true;
    void getDb()
      .importJob.updateMany({
        where: { id: jobId, status },
        data: { progressDone: done, progressTotal: total },
      })
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        flush();
      });
  };
  return (done: number, total: number) => {
    pending = [done, total];
    flush();
  };
}
