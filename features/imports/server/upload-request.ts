import "server-only";
import { readUploadForm } from "@/features/evidence/server/read-upload";
import { authorize, type TSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { TImportKind } from "../lib/spec";
import { MAX_IMPORT_BYTES } from "../schemas";
import { importPermission, isImportKind } from "./kinds";

const LIMIT = MAX_IMPORT_BYTES + 64 * 1024;

/**
 * An upload request: the kind (?kind=), the user holding its permission, then the body read with a
 * hard byte cap, refused early by its Content-Length and again while streaming (a chunked body has
 * none). The content is sniffed later (createImportJob), whatever the file is called.
 */
export async function readImportUpload(
  req: Request,
): Promise<{ user: TSessionUser; kind: TImportKind; fileName: string; bytes: Buffer }> {
  const kind = new URL(req.url).searchParams.get("kind") ?? "";
  if (!isImportKind(kind)) throw new AppError("NOT_FOUND");
  const user = await authorize(importPermission(kind));
  if (Number(req.headers.get("content-length") ?? 0) > LIMIT) throw new AppError("FILE_TOO_LARGE");
  const form = await readUploadForm(req, LIMIT);
  if (form.file.bytes.length > MAX_IMPORT_BYTES) throw new AppError("FILE_TOO_LARGE");
  return { user, kind, fileName: form.file.name, bytes: form.file.bytes };
}
