import "server-only";
import type { TDb, TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TTaskChange } from "./change";
import { guardError, guardSql } from "./guards";
import { changeStatement } from "./statement";
import { lockReportPeriods } from "@/features/reporting/server/report-ctes";

// The one way a task changes (see change.ts for what a change is). A task that was not passed
// down and carries no evidence is ONE statement; otherwise the same statement runs in a
// transaction that first locks the task's chain (parents first: every writer takes task rows
// parent → child, then roll-up rows in ascending org id) and afterwards checks the evidence links.

export type TChangeResult = { resultId: number | null };

type TRow = { applied: number; result: number | null; linked: number };

async function run(db: Pick<TTx, "$queryRaw">, c: TTaskChange): Promise<TRow> {
  const rows = await db.$queryRaw<TRow[]>(changeStatement(c));
  return rows[0]!;
}

/** Why the change did not apply: the row moved on (CONFLICT), or which guard failed. */
async function refusal(db: Pick<TTx, "$queryRaw">, c: TTaskChange): Promise<AppError> {
  const guards = c.guards ?? [];
  const checks = guards.length
    ? Prisma.join(
        guards.map((g) => Prisma.sql`(${guardSql(g)})`),
        ", ",
      )
    : Prisma.sql`TRUE`;
  // The first failed guard's position (1-based; NULL: none); an int, which every adapter reads.
  const rows = await db.$queryRaw<{ version: number; status: string; failed: number | null }[]>`
    SELECT t.version, t.status::text AS status, array_position(ARRAY[${checks}]::bool[], false) AS failed
    FROM "Task" t WHERE t.id = ${c.task.id}`;
  const row = rows[0];
  if (!row) return new AppError("NOT_FOUND");
  if (row.version !== c.task.version || row.status !== c.task.status) return new AppError("CONFLICT");
  const failed = row.failed === null ? undefined : guards[row.failed - 1];
  return failed ? guardError(failed) : new AppError("CONFLICT");
}

/** Applies the change inside the caller's transaction (e.g. 分解, which first inserts the children). */
export async function applyTaskChangeIn(tx: TTx, c: TTaskChange): Promise<TChangeResult> {
  const chain = c.task.chain.map((l) => l.id);
  // A progress update is a period report: the reporting periods' rows come before any task row.
  if (c.records?.some((r) => r.kind === "progressUpdate"))
    await lockReportPeriods(tx, { taskId: c.task.id, objectiveId: c.task.objectiveId });
  if (chain.length)
    await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ANY(${chain}::int[]) ORDER BY id FOR UPDATE`;
  const row = await run(tx, c);
  if (row.applied !== 1) throw await refusal(tx, c);
  const wanted = new Set(c.evidenceIds ?? []).size;
  if (row.linked !== wanted) throw new AppError("VALIDATION", { attachmentIds: "attachments" });
  return { resultId: row.result };
}

/** Applies the change: NOT applied means CONFLICT, INVALID_TRANSITION or the failed guard's error. */
export async function applyTaskChange(db: TDb, c: TTaskChange): Promise<TChangeResult> {
  if (c.task.chain.length === 0 && !c.evidenceIds?.length) {
    const row = await run(db, c);
    if (row.applied !== 1) throw await refusal(db, c);
    return { resultId: row.result };
  }
  return db.$transaction((tx) => applyTaskChangeIn(tx, c));
}
