import "server-only";
import type { TDb, TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { UPLOAD_QUOTA } from "../lib/file-kind";

/**
 * UPLOAD_QUOTA unless the user's uploads of the last hour leave room for `incomingBytes` more
 * (0 before the body is read: then only a quota already used up refuses). Counted from the
 * Attachment and AssessmentEvidence rows together (index uploaderId, createdAt on both), so every
 * server instance shares the count and one quota covers task and 考评 evidence.
 */
export async function checkUploadQuota(
  db: TDb | TTx,
  uploaderId: number,
  { now = new Date(), incomingBytes = 0 }: { now?: Date; incomingBytes?: number } = {},
): Promise<void> {
  const where = { uploaderId, createdAt: { gt: new Date(now.getTime() - UPLOAD_QUOTA.windowMs) } };
  const agg = { where, _count: { _all: true }, _sum: { size: true } } as const;
  const tasks = await db.attachment.aggregate(agg);
  const assessment = await db.assessmentEvidence.aggregate(agg);
  const files = tasks._count._all + assessment._count._all;
  // Before the body is read, at least one byte must still fit.
  const bytes = (tasks._sum.size ?? 0) + (assessment._sum.size ?? 0) + Math.max(incomingBytes, 1);
  if (files >= UPLOAD_QUOTA.files || bytes > UPLOAD_QUOTA.bytes) throw new AppError("UPLOAD_QUOTA");
}
