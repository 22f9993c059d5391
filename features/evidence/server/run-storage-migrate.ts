import "server-only";
import type { TDb } from "@/lib/db/client";
import { s3Config, uploadDir } from "@/lib/env";
import { LocalStore } from "@/lib/storage/local-store";
import { S3Store } from "@/lib/storage/s3-store";
import { migrateStorage } from "./migrate-storage";

type TOut = { log: (line: string) => void; error: (line: string) => void };

const USAGE = "usage: npm run storage:migrate [-- --delete-local]";

/**
 * `npm run storage:migrate`: the local evidence folder (UPLOAD_DIR) into the S3 bucket of the
 * S3_* settings, each file verified by sha256 (migrate-storage.ts). Exit status: 0 all verified,
 * 1 any file failed, 2 S3 not configured (or a bad argument).
 */
export async function runStorageMigrate(
  argv: string[],
  { db, out = { log: console.log, error: console.error } }: { db: TDb; out?: TOut },
): Promise<number> {
  const unknown = argv.filter((a) => a !== "--delete-local");
  if (unknown.length) {
    out.error(`storage:migrate: unknown argument ${unknown.join(" ")}\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    config = s3Config();
  } catch (e) {
    out.error(`storage:migrate: ${e instanceof Error ? e.message : e}`);
    return 2;
  }
  if (!config) {
    out.error("storage:migrate: S3 is not configured (set S3_BUCKET and the other S3_* settings)");
    return 2;
  }
  const deleteLocal = argv.includes("--delete-local");
  const dir = uploadDir();
  out.log(`storage:migrate: ${dir} → s3://${config.bucket}/${config.prefix}`);
  const s = await migrateStorage({
    db,
    source: new LocalStore(dir),
    target: new S3Store(config),
    deleteLocal,
  });
  out.log(
    `storage:migrate: ${s.total} file(s): ${s.copied} copied, ${s.skipped} already in the bucket (verified), ` +
      `${s.failed.length} failed` +
      (deleteLocal ? `, ${s.deletedLocal} local file(s) deleted` : ""),
  );
  for (const f of s.failed) out.error(`storage:migrate: FAILED ${f.key}: ${f.reason}`);
  if (s.missing.length)
    out.error(
      `storage:migrate: warning: ${s.missing.length} stored file(s) that rows refer to are in neither store: ` +
        s.missing.slice(0, 20).join(", ") +
        (s.missing.length > 20 ? " …" : ""),
    );
  if (!deleteLocal)
    out.log(
      "storage:migrate: local files were kept (--delete-local removes each one once its copy is verified)",
    );
  return s.failed.length ? 1 : 0;
}
