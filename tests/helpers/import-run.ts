import { commitImportNow, uploadImportNow } from "@/features/imports/server/run-inline";
import type { TImportKind } from "@/features/imports/lib/spec";
import type { TDb } from "@/lib/db/client";
import type { TTestActor } from "./actors";

/** Uploads and parses a file inline; returns the job row. */
export async function uploadNow(
  db: TDb,
  actor: TTestActor,
  file: { kind: TImportKind; bytes: Buffer; fileName?: string },
) {
  const jobId = await uploadImportNow(actor, { fileName: "unions.xlsx", ...file });
  return db.importJob.findUniqueOrThrow({ where: { id: jobId } });
}

/** Confirms a job and waits for the commit; returns the job row. */
export async function commitNow(db: TDb, actor: TTestActor, jobId: number) {
  await commitImportNow(actor, jobId);
  return db.importJob.findUniqueOrThrow({ where: { id: jobId } });
}
