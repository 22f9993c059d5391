import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TImportActor } from "../lib/spec";
import { findImportJob, type TJobViewer } from "./find-job";

/** 取消: a job not yet committing ends CANCELLED and its staged rows are dropped. */
export async function cancelImport(user: TImportActor & TJobViewer, jobId: number): Promise<void> {
  const job = await findImportJob(user, jobId);
  if (!job) throw new AppError("NOT_FOUND");
  const db = getDb();
  await db.$transaction(async (tx) => {
    const { count } = await tx.importJob.updateMany({
      where: { id: jobId, status: { in: ["QUEUED", "PARSING", "PREVIEW"] } },
      data: { status: "CANCELLED", finishedAt: new Date() },
    });
    if (count === 0) throw new AppError("INVALID_TRANSITION");
    await tx.importRow.deleteMany({ where: { jobId } });
    await recordAudit({ action: "import.cancel", actor: user, target: { type: "importJob", id: jobId } }, tx);
  });
}
