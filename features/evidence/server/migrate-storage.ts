import "server-only";
import type { TDb } from "@/lib/db/client";
import { sha256OfStream } from "@/lib/storage/hash";
import type { ObjectStore } from "@/lib/storage/object-store";
import { hashOfKey } from "./storage";

export type TMigrateSummary = {
  /** Files found in the source. */
  total: number;
  copied: number;
  /** Already in the target with the same sha256: left as they were. */
  skipped: number;
  deletedLocal: number;
  failed: { key: string; reason: string }[];
  /** Storage keys rows refer to that are in neither store (a warning: nothing to copy). */
  missing: string[];
};

type TOptions = { db: TDb; source: ObjectStore; target: ObjectStore; deleteLocal?: boolean };

/**
 * Copies every file of `source` (the local folder) to `target` (the bucket) under the same key and
 * verifies each by sha256: the source file against its name (evidence is stored by hash) and the
 * hash the rows recorded at upload, then what the target holds against the source. An object
 * already in the target is only verified, never overwritten (a mismatch is reported), so a rerun
 * copies nothing twice. Source files are deleted only with `deleteLocal`, each after its own copy
 * was verified.
 */
export async function migrateStorage({ db, source, target, deleteLocal = false }: TOptions) {
  const summary: TMigrateSummary = {
    total: 0,
    copied: 0,
    skipped: 0,
    deletedLocal: 0,
    failed: [],
    missing: [],
  };
  const seen = new Set<string>();
  for await (const { key } of source.list()) {
    summary.total++;
    seen.add(key);
    try {
      const outcome = await migrateOne({ db, source, target }, key);
      if (outcome === "copied") summary.copied++;
      else summary.skipped++;
      if (deleteLocal) {
        await source.delete(key);
        summary.deletedLocal++;
      }
    } catch (e) {
      summary.failed.push({ key, reason: e instanceof MigrateError ? e.message : errorText(e) });
    }
  }
  for (const key of await referencedKeys(db))
    if (!seen.has(key) && !(await target.head(key))) summary.missing.push(key);
  return summary;
}

class MigrateError extends Error {}

async function migrateOne({ db, source, target }: TOptions, key: string): Promise<"copied" | "skipped"> {
  const local = await hashOf(source, key);
  const named = hashOfKey(key);
  if (named && named !== local.sha256)
    throw new MigrateError(`local file does not match its name (sha256 ${local.sha256})`);
  const recorded = named ? await recordedRows(db, key) : [];
  const wrong = recorded.find((r) => r.sha256 !== local.sha256);
  if (wrong)
    throw new MigrateError(`sha256 recorded at upload (${wrong.sha256}) differs from the local file`);

  if (await target.head(key)) {
    const there = await hashOf(target, key);
    if (there.sha256 !== local.sha256)
      throw new MigrateError(
        `bucket object differs from the local file (sha256 ${there.sha256}); not overwritten`,
      );
    return "skipped";
  }
  const file = await source.get(key);
  if (!file) throw new MigrateError("local file vanished");
  const contentType = key.endsWith(".thumb.webp")
    ? "image/webp"
    : (recorded[0]?.mime ?? "application/octet-stream");
  await target.put(key, file.stream, { size: file.size, contentType });
  const there = await hashOf(target, key);
  if (there.sha256 !== local.sha256)
    throw new MigrateError(`copy does not verify (bucket sha256 ${there.sha256})`);
  return "copied";
}

async function hashOf(store: ObjectStore, key: string) {
  const obj = await store.get(key);
  if (!obj) throw new MigrateError(`not found in the ${store.kind === "s3" ? "bucket" : "local folder"}`);
  return sha256OfStream(obj.stream);
}

/** The sha256 and type every row using `key` recorded at upload (task and 考评 evidence). */
async function recordedRows(db: TDb, storageKey: string) {
  const select = { sha256: true, mime: true } as const;
  return [
    ...(await db.attachment.findMany({ where: { storageKey }, select, distinct: ["sha256", "mime"] })),
    ...(await db.assessmentEvidence.findMany({
      where: { storageKey },
      select,
      distinct: ["sha256", "mime"],
    })),
  ];
}

async function referencedKeys(db: TDb): Promise<Set<string>> {
  const select = { storageKey: true } as const;
  const rows = [
    ...(await db.attachment.findMany({ select, distinct: ["storageKey"] })),
    ...(await db.assessmentEvidence.findMany({ select, distinct: ["storageKey"] })),
  ];
  return new Set(rows.map((r) => r.storageKey));
}

function errorText(e: unknown): string {
  // Store errors (S3 or the file system) carry no secrets in name/message; keep them short.
  return e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : "unknown error";
}
