import "server-only";
import crypto from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import type { TRequestMeta } from "@/lib/audit/request-meta";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { importFileName, sniffImportFile } from "../lib/sniff";
import type { TImportActor, TImportKind } from "../lib/spec";
import { parseImportJob } from "./parse-job";
import { runInBackground } from "./runner";

export type TUpload = { kind: TImportKind; fileName: string; bytes: Buffer; meta?: TRequestMeta };

/**
 * Records an upload as a QUEUED job in the uploader's scope (their org) and audits it
 * (import.upload). A file that is neither an XLSX archive nor text is refused (FILE_TYPE) before.
 */
export async function createImportJob(actor: TImportActor, u: TUpload): Promise<number> {
  const format = sniffImportFile(u.bytes);
  if (!format) throw new AppError("FILE_TYPE");
  const sha256 = crypto.createHash("sha256").update(u.bytes).digest("hex");
  const fileName = importFileName(u.fileName);
  return getDb().$transaction(async (tx) => {
    const job = await tx.importJob.create({
      data: {
        kind: u.kind,
        orgId: actor.orgId,
        createdById: actor.id,
        fileName,
        fileFormat: format,
        sha256,
        fileBytes: u.bytes.length,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        action: "import.upload",
        actor,
        target: { type: "importJob", id: job.id },
        detail: { kind: u.kind, fileName, bytes: u.bytes.length, sha256 },
        meta: u.meta,
      },
      tx,
    );
    return job.id;
  });
}

/** Creates the job and parses it in the background; `done` settles when the preview is ready (or failed). */
export async function startImport(
  actor: TImportActor,
  u: TUpload,
): Promise<{ jobId: number; done: Promise<void> }> {
  const jobId = await createImportJob(actor, u);
  return { jobId, done: runInBackground(jobId, () => parseImportJob(actor, jobId, u.bytes)) };
}
