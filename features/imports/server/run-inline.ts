import "server-only";
import type { TImportActor } from "../lib/spec";
import { confirmImport } from "./confirm-job";
import { startImport, type TUpload } from "./create-job";
import type { TJobViewer } from "./find-job";

// The same path as the routes, awaited: for tests and the benchmark (the runner is callable inline).

export async function uploadImportNow(actor: TImportActor, u: TUpload): Promise<number> {
  const { jobId, done } = await startImport(actor, u);
  await done;
  return jobId;
}

export async function commitImportNow(user: TImportActor & TJobViewer, jobId: number): Promise<void> {
  const { done } = await confirmImport(user, jobId);
  await done;
}
