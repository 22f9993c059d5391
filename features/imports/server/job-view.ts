import "server-only";
import type { ImportJob } from "@/lib/generated/prisma/client";

/** What the job page and its polling show of a job. */
export function jobView(job: ImportJob) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    fileName: job.fileName,
    progressDone: job.progressDone,
    progressTotal: job.progressTotal,
    newCount: job.newCount,
    changedCount: job.changedCount,
    unchangedCount: job.unchangedCount,
    errorCount: job.errorCount,
    errorCode: job.errorCode,
    errorParams: (job.errorParams ?? null) as Record<string, string | number> | null,
  };
}
export type TJobView = ReturnType<typeof jobView>;
