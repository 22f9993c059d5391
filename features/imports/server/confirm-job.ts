import "server-only";
import type { TRequestMeta } from "@/lib/audit/request-meta";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TImportActor } from "../lib/spec";
import { runImportCommit } from "./commit-job";
import { findImportJob, type TJobViewer } from "./find-job";
import { runInBackground } from "./runner";

/**
 * 确认导入: PREVIEW → COMMITTING, then the commit runs in the background (`done` settles when it
 * has ended). The rows stay inside the job's scope org, which lies in the confirming user's subtree.
 */
export async function confirmImport(
  user: TImportActor & TJobViewer,
  jobId: number,
  meta?: TRequestMeta,
): Promise<{ done: Promise<void> }> {
  const job = await findImportJob(user, jobId);
  if (!job) throw new AppError("NOT_FOUND");
  const { count } = await getDb().importJob.updateMany({
    where: { id: jobId, status: "PREVIEW" },
    data: { status: "COMMITTING", progressDone: 0, progressTotal: 0 },
  });
  if (count === 0) throw new AppError("INVALID_TRANSITION");
  const actor: TImportActor = { id: user.id, username: user.username, role: user.role, orgId: user.orgId };
  return {
    done: runInBackground(jobId, () => runImportCommit({ actor, jobId, scopeOrgId: job.orgId, meta })),
  };
}
