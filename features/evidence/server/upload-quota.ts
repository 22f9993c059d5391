import "server-only";
import type { TDb, TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { UPLOAD_QUOTA } from "../lib/file-kind";

/**
 * UPLOAD_QUOTA unless the user's uploads of the last hour leave room for `incomingBytes` more
 * (0 before the body is read: then only a quota already used up refuses). Counted from the
 * Attachment rows (index uploaderId, createdAt), so every server instance shares the count.
 */
export async function checkUploadQuota(
  db: TDb | TTx,
  uploaderId: number,
  { now = new Date(), incomingBytes = 0 }: { now?: Date; incomingBytes?: number } = {},
): Promise<void> {
  const used = await db.attachment.aggregate({
    where: { uploaderId, createdAt: { gt: new Date(now.getTime() - UPLOAD_QUOTA.windowMs) } },
    _count: { _all: true },
    _sum: { size: true },
  });
  // Before the body is read, at least one byte must still fit.
  const bytes = (used._sum.size ?? 0) + Math.max(incomingBytes, 1);
  if (used._count._all >= UPLOAD_QUOTA.files || bytes > UPLOAD_QUOTA.bytes)
    throw new AppError("UPLOAD_QUOTA");
}
