import "server-only";
import { fileTypeFromBuffer } from "file-type";
import type { TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { MAX_FILE_BYTES, classifyFile, cleanFileName, type TAttachmentKind } from "../lib/file-kind";
import { evidenceFileName } from "../lib/file-name";
import { saveFile, saveThumbnail } from "./storage";
import { checkUploadQuota } from "./upload-quota";

export type TStoredUpload = {
  fileName: string;
  mime: string;
  kind: TAttachmentKind;
  size: number;
  sha256: string;
  storageKey: string;
  hasThumbnail: boolean;
};

/**
 * The checks and storage every evidence upload shares (task evidence and 考评 evidence): size,
 * the uploader's hourly quota with this file counted, the type from the bytes (a legacy Office
 * file's from its name's extension: the content cannot tell), a safe name, the file stored by
 * its hash and a thumbnail for images, all checked before anything is stored; a storage error
 * (file or thumbnail) fails the upload before any row exists. The caller writes its row and audits.
 */
export async function storeUpload(
  db: TDb,
  uploaderId: number,
  file: { name: string; bytes: Buffer },
): Promise<TStoredUpload> {
  if (file.bytes.length > MAX_FILE_BYTES) throw new AppError("FILE_TOO_LARGE");
  if (file.bytes.length === 0) throw new AppError("FILE_TYPE");
  await checkUploadQuota(db, uploaderId, { incomingBytes: file.bytes.length });
  const type = classifyFile(await fileTypeFromBuffer(file.bytes), cleanFileName(file.name));
  if (!type) throw new AppError("FILE_TYPE");
  const stored = await saveFile(file.bytes, type.mime);
  const hasThumbnail = type.kind === "IMAGE" ? await saveThumbnail(stored.storageKey, file.bytes) : false;
  return {
    fileName: evidenceFileName(file.name, type.mime),
    mime: type.mime,
    kind: type.kind,
    ...stored,
    hasThumbnail,
  };
}
