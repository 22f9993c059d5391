import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TDb, type TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { open, seal } from "@/lib/security/sealed";
import { passwordSheetXlsx, type TSheetEntry } from "./password-sheet-xlsx";

// The 初始密码单 of a people import: the plain initial passwords exist only in memory while the
// commit runs and, sealed (lib/security/sealed.ts), in ImportPasswordSheet until the importer
// downloads them once or PASSWORD_SHEET_TTL_MS passes; then the ciphertext is wiped (the row stays
// as the record of who got what and when). Nobody else can download it, not even an administrator.

export const PASSWORD_SHEET_TTL_MS = 24 * 60 * 60 * 1000;
const PURPOSE = "import-password-sheet";
const context = (jobId: number, ownerId: number) => `job:${jobId}:owner:${ownerId}`;

/**
 * Seals and stores the sheet in the commit's transaction. The pipeline commits a job in chunks
 * inside one transaction, so a later chunk's entries are added to the sheet the earlier ones began.
 */
export async function storePasswordSheet(
  tx: TTx,
  p: { jobId: number; ownerId: number; entries: readonly TSheetEntry[]; now?: Date },
): Promise<void> {
  const now = p.now ?? new Date();
  const box = { purpose: PURPOSE, context: context(p.jobId, p.ownerId) };
  const prior = await tx.importPasswordSheet.findUnique({
    where: { importJobId: p.jobId },
    select: { id: true, ownerId: true, ciphertext: true },
  });
  const opened =
    prior?.ciphertext && prior.ownerId === p.ownerId
      ? open(Buffer.from(prior.ciphertext, "base64"), box)
      : null;
  // A sheet of this job that cannot be extended (another owner, already taken) is a conflict.
  if (prior && !opened) throw new AppError("CONFLICT");
  const entries = [...(opened ? (JSON.parse(opened.toString("utf8")) as TSheetEntry[]) : []), ...p.entries];
  const data = {
    accounts: entries.length,
    ciphertext: seal(Buffer.from(JSON.stringify(entries), "utf8"), box).toString("base64"),
  };
  if (prior) await tx.importPasswordSheet.update({ where: { id: prior.id }, data });
  else
    await tx.importPasswordSheet.create({
      data: {
        ...data,
        importJobId: p.jobId,
        ownerId: p.ownerId,
        createdAt: now,
        expiresAt: new Date(+now + PASSWORD_SHEET_TTL_MS),
      },
    });
}

export type TPasswordSheetState = {
  state: "available" | "downloaded" | "expired";
  accounts: number;
  expiresAt: Date;
  downloadedAt: Date | null;
};

/** The sheet's state for its owner (null for anyone else, or when the job made none). */
export async function passwordSheetState(
  actor: { id: number },
  jobId: number,
  db: TDb = getDb(),
): Promise<TPasswordSheetState | null> {
  const row = await db.importPasswordSheet.findFirst({
    where: { importJobId: jobId, ownerId: actor.id },
    select: { accounts: true, expiresAt: true, downloadedAt: true, ciphertext: true },
  });
  if (!row) return null;
  const state = row.downloadedAt
    ? "downloaded"
    : row.ciphertext && +row.expiresAt > Date.now()
      ? "available"
      : "expired";
  return { state, accounts: row.accounts, expiresAt: row.expiresAt, downloadedAt: row.downloadedAt };
}

/**
 * The one download: in one transaction the row is locked, the ciphertext wiped and the download
 * audited; the XLSX is built from the opened box before the transaction commits, so a failure
 * leaves the sheet in place. NOT_FOUND for anyone but the owner (audited as DENIED), after the first
 * download and after expiry.
 */
export async function takePasswordSheet(
  actor: { id: number; username: string },
  jobId: number,
  db: TDb = getDb(),
): Promise<{ fileName: string; body: Buffer }> {
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "ImportPasswordSheet" WHERE "importJobId" = ${jobId} FOR UPDATE`;
    const row = await tx.importPasswordSheet.findUnique({
      where: { importJobId: jobId },
      select: { id: true, ownerId: true, ciphertext: true, expiresAt: true },
    });
    if (!row || row.ownerId !== actor.id) return { denied: !!row } as const;
    if (!row.ciphertext) return { gone: true } as const;
    const plain =
      +row.expiresAt > Date.now()
        ? open(Buffer.from(row.ciphertext, "base64"), { purpose: PURPOSE, context: context(jobId, actor.id) })
        : null;
    await tx.importPasswordSheet.update({
      where: { id: row.id },
      data: { ciphertext: null, ...(plain ? { downloadedAt: new Date() } : {}) },
    });
    // Expired, or sealed under another app secret: wiped, and nothing to give.
    if (!plain) return { gone: true } as const;
    const entries = JSON.parse(plain.toString("utf8")) as TSheetEntry[];
    const body = await passwordSheetXlsx(entries);
    await recordAudit(
      {
        action: "user.initialPasswords",
        actor,
        target: { type: "importJob", id: jobId },
        detail: { accounts: entries.length },
      },
      tx,
    );
    return { body };
  });
  if ("body" in result && result.body) return { fileName: `初始密码单-${jobId}.xlsx`, body: result.body };
  if ("denied" in result && result.denied)
    await recordAudit(
      { action: "user.initialPasswords", outcome: "DENIED", actor, target: { type: "importJob", id: jobId } },
      db,
    );
  throw new AppError("NOT_FOUND");
}

/** Wipes every expired sheet's ciphertext (the hourly sweep; reads check expiry themselves too). */
export async function sweepPasswordSheets(db: TDb = getDb(), now = new Date()): Promise<number> {
  const { count } = await db.importPasswordSheet.updateMany({
    where: { ciphertext: { not: null }, expiresAt: { lte: now } },
    data: { ciphertext: null },
  });
  return count;
}
