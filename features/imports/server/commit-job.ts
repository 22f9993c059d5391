import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { TRequestMeta } from "@/lib/audit/request-meta";
import { getDb, type TTx } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { ImportFileError } from "../lib/failures";
import type { TImportActor, TImportSpec, TPlannedRow } from "../lib/spec";
import { stableJson } from "../lib/stable-json";
import { getImportSpec } from "./kinds";
import { CHUNK } from "./parse-job";
import { progressReporter } from "./progress";

/** Import commits take turns (one arbitrary, fixed advisory lock key). */
const COMMIT_LOCK_KEY = 720_013_001;

type TStored = { rowNo: number; action: string; data: unknown; targetId: number | null; changes: unknown };

const sameRow = (s: TStored, p: TPlannedRow<unknown>) =>
  p.action === s.action &&
  (p.action === "NEW" ||
    (p.action !== "ERROR" &&
      p.targetId === s.targetId &&
      stableJson(p.action === "CHANGED" ? p.changes : null) === stableJson(s.changes)));

/**
 * Classifies the stored rows again inside the transaction and refuses (STALE, naming the first row)
 * when any differs from the preview: a union created, changed or moved out of scope since then.
 */
type TReplan = {
  spec: TImportSpec<unknown>;
  actor: TImportActor;
  jobId: number;
  report: (n: number) => void;
};

async function replan(tx: TTx, { spec, actor, jobId, report }: TReplan) {
  const planned: TPlannedRow<unknown>[] = [];
  let last = 0;
  for (;;) {
    const page: TStored[] = await tx.importRow.findMany({
      where: { jobId, rowNo: { gt: last }, action: { not: "ERROR" } },
      orderBy: { rowNo: "asc" },
      take: CHUNK,
      select: { rowNo: true, action: true, data: true, targetId: true, changes: true },
    });
    if (page.length === 0) return planned;
    last = page.at(-1)!.rowNo;
    const fresh = new Map(
      (
        await spec.classify(
          tx,
          actor,
          page.map((r) => ({ rowNo: r.rowNo, data: r.data })),
        )
      ).map((p) => [p.rowNo, p]),
    );
    for (const s of page) {
      const p = fresh.get(s.rowNo);
      if (!p || !sameRow(s, p)) throw new ImportFileError("STALE", { row: s.rowNo });
      if (p.action === "NEW" || p.action === "CHANGED") planned.push(p);
    }
    report(page.length);
  }
}

/** Who commits, which job, inside which scope org (the job's), and the request's address for the audit. */
export type TCommitRun = { actor: TImportActor; jobId: number; scopeOrgId: number; meta?: TRequestMeta };

async function commitInTransaction({ actor, jobId, scopeOrgId, meta }: TCommitRun) {
  const db = getDb();
  const job = await db.importJob.findUniqueOrThrow({
    where: { id: jobId },
    select: { kind: true, newCount: true, changedCount: true, unchangedCount: true },
  });
  const spec = getImportSpec(job.kind);
  const scoped: TImportActor = { ...actor, orgId: scopeOrgId };
  const total = 2 * (job.newCount + job.changedCount + job.unchangedCount);
  const report = progressReporter(jobId, "COMMITTING");
  let done = 0;
  const step = (n: number) => report((done += n), total);
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${COMMIT_LOCK_KEY}::bigint)`;
      const planned = await replan(tx, { spec, actor: scoped, jobId, report: step });
      step(total / 2 - planned.length);
      for (let i = 0; i < planned.length; i += CHUNK) {
        const chunk = planned.slice(i, i + CHUNK);
        await spec.commit(tx, scoped, chunk, jobId);
        step(chunk.length);
      }
      const news = planned.filter((p) => p.action === "NEW").length;
      await recordAudit(
        {
          action: "import.commit",
          actor,
          target: { type: "importJob", id: jobId },
          detail: { kind: job.kind, new: news, changed: planned.length - news },
          meta,
        },
        tx,
      );
      await tx.importJob.update({
        where: { id: jobId },
        data: { status: "DONE", finishedAt: new Date(), progressDone: total, progressTotal: total },
      });
    },
    { timeout: 30 * 60_000, maxWait: 10 * 60_000 },
  );
}

const isUniqueViolation = (e: unknown) =>
  /23505|Unique constraint|P2002/.test(String((e as Error)?.message ?? e));

/** COMMITTING → DONE, or FAILED (STALE or INTERNAL) with nothing written. */
export async function runImportCommit(run: TCommitRun): Promise<void> {
  const { jobId } = run;
  try {
    await commitInTransaction(run);
  } catch (e) {
    const stale =
      e instanceof ImportFileError || (isAppError(e) && e.code === "CONFLICT") || isUniqueViolation(e);
    if (!stale) console.error(`[imports] job ${jobId}: commit failed`, e);
    await getDb().importJob.updateMany({
      where: { id: jobId, status: "COMMITTING" },
      data: {
        status: "FAILED",
        errorCode: stale ? "STALE" : "INTERNAL",
        errorParams: e instanceof ImportFileError ? e.params : undefined,
        finishedAt: new Date(),
      },
    });
  }
}
