import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ImportFileError } from "../lib/failures";
import type { TImportActor, TImportSpec, TPlannedRow } from "../lib/spec";
import { getImportSpec } from "./kinds";
import { readRows } from "./read-rows";
import type { TFileFormat } from "./read-sheet";
import { storeRows, type TStoredRow } from "./store-rows";
import { validateRows, type TCheckedRow } from "./validate-rows";

/** Rows classified and stored per round trip (a few queries each, whatever the file's size). */
export const CHUNK = 5000;

type TCounts = Record<TPlannedRow<unknown>["action"], number>;

async function classifyChunk(
  spec: TImportSpec<unknown>,
  actor: TImportActor,
  chunk: readonly TCheckedRow[],
): Promise<TStoredRow[]> {
  const valid = chunk.flatMap((r) => (r.errors ? [] : [{ rowNo: r.rowNo, data: r.data }]));
  const planned = new Map((await spec.classify(getDb(), actor, valid)).map((p) => [p.rowNo, p]));
  return chunk.map((r): TStoredRow => {
    if (r.errors) return { rowNo: r.rowNo, action: "ERROR", cells: r.cells, errors: r.errors };
    const p = planned.get(r.rowNo);
    if (!p) throw new Error(`row ${r.rowNo} was not classified`);
    return { ...p, cells: r.cells };
  });
}

/** True while the job is still PARSING (a cancel stops the work between chunks). */
async function stillParsing(jobId: number, done: number, total: number): Promise<boolean> {
  const { count } = await getDb().importJob.updateMany({
    where: { id: jobId, status: "PARSING" },
    data: { progressDone: done, progressTotal: total },
  });
  return count === 1;
}

async function fail(jobId: number, e: unknown): Promise<void> {
  const known = e instanceof ImportFileError;
  if (!known) console.error(`[imports] job ${jobId}: parsing failed`, e);
  const db = getDb();
  await db.importRow.deleteMany({ where: { jobId } });
  await db.importJob.updateMany({
    where: { id: jobId, status: "PARSING" },
    data: {
      status: "FAILED",
      errorCode: known ? e.code : "INTERNAL",
      errorParams: known ? (e.params as Prisma.InputJsonValue) : undefined,
      finishedAt: new Date(),
    },
  });
}

/**
 * QUEUED → PARSING → PREVIEW: reads the file, validates every row with the kind's schema, marks
 * duplicate keys, classifies the rows in chunks against the database and stores them. Nothing is
 * written outside ImportJob/ImportRow. A refused file ends FAILED with its code and no rows.
 */
export async function parseImportJob(actor: TImportActor, jobId: number, bytes: Buffer): Promise<void> {
  const db = getDb();
  const claimed = await db.importJob.updateMany({
    where: { id: jobId, status: "QUEUED" },
    data: { status: "PARSING" },
  });
  if (claimed.count === 0) return;
  const job = await db.importJob.findUniqueOrThrow({
    where: { id: jobId },
    select: { kind: true, fileFormat: true },
  });
  // A chunk is stored while the next one is classified (two connections on PostgreSQL; PGlite
  // simply takes them in turn). A store's failure is handled where it is awaited, and a failed or
  // cancelled job waits for the store in flight before its rows are deleted.
  let storing: Promise<void> = Promise.resolve();
  try {
    const spec = getImportSpec(job.kind);
    const rows = validateRows(spec, await readRows(spec.columns, bytes, job.fileFormat as TFileFormat));
    const counts: TCounts = { NEW: 0, CHANGED: 0, UNCHANGED: 0, ERROR: 0 };
    if (!(await stillParsing(jobId, 0, rows.length))) return;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const [stored] = await Promise.all([classifyChunk(spec, actor, rows.slice(i, i + CHUNK)), storing]);
      storing = storeRows(db, jobId, stored);
      storing.catch(() => undefined);
      for (const r of stored) counts[r.action]++;
      if (!(await stillParsing(jobId, Math.min(i + CHUNK, rows.length), rows.length))) {
        await storing.catch(() => undefined);
        await db.importRow.deleteMany({ where: { jobId } });
        return;
      }
    }
    await storing;
    await db.importJob.updateMany({
      where: { id: jobId, status: "PARSING" },
      data: {
        status: "PREVIEW",
        previewAt: new Date(),
        newCount: counts.NEW,
        changedCount: counts.CHANGED,
        unchangedCount: counts.UNCHANGED,
        errorCount: counts.ERROR,
      },
    });
  } catch (e) {
    await storing.catch(() => undefined);
    await fail(jobId, e);
  }
}
