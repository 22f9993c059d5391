import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { sendManualRun } from "./pgboss-runner";
import { runRecorded } from "./record-run";
import { findJob } from "./registry";
import { inProcessRunner, jobsMode, pgBossForSending } from "./start";

/** QUEUED: a worker takes it; ALREADY_QUEUED: one manual run was waiting; SUCCEEDED/FAILED: ran here. */
export type TRunNowResult = { outcome: "QUEUED" | "ALREADY_QUEUED" | "SUCCEEDED" | "FAILED" | "BUSY" };

/**
 * 立即运行 (system admin): on PostgreSQL one manual run is queued through pg-boss, whichever instance
 * takes it (a second click while it waits adds nothing); on embedded PGlite the job runs here and
 * now. Either way the request is audited (`job.run`) and the run is a JobRun row like any other.
 */
export async function runJobNow(
  actor: { id: number; username: string },
  name: string,
): Promise<TRunNowResult> {
  const job = findJob(name);
  if (!job) throw new AppError("NOT_FOUND");
  let outcome: TRunNowResult["outcome"];
  if (jobsMode() === "pgboss") {
    const { boss } = await pgBossForSending();
    outcome = (await sendManualRun(boss, job)) ? "QUEUED" : "ALREADY_QUEUED";
  } else {
    const runner = inProcessRunner();
    try {
      const ran = runner ? await runner.runNow(job, "MANUAL") : await runRecorded(job, { trigger: "MANUAL" });
      outcome = ran ? "SUCCEEDED" : "BUSY";
    } catch {
      outcome = "FAILED"; // recorded on the JobRun row, with its message
    }
  }
  await recordAudit({
    action: "job.run",
    outcome: outcome === "FAILED" ? "FAILURE" : "SUCCESS",
    actor,
    target: { type: "job", id: job.name },
    detail: { mode: jobsMode(), outcome },
  });
  return { outcome };
}
