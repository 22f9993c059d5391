import "server-only";
import { getDb } from "@/lib/db/client";
import type { ImportKind, ImportStatus } from "@/lib/generated/prisma/client";
import { PAGE_SIZE } from "@/lib/paging";
import { kindsFor, type TJobViewer } from "./find-job";

export type TJobListItem = {
  id: number;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string;
  createdAt: Date;
  createdByName: string | null;
  newCount: number;
  changedCount: number;
  unchangedCount: number;
  errorCount: number;
  errorCode: string | null;
};

/** Jobs whose scope org is in the user's subtree, of the kinds the user may import, newest first. */
export async function listImportJobs(
  user: TJobViewer,
  cursor?: number,
): Promise<{ items: TJobListItem[]; nextCursor: string | null }> {
  const kinds = kindsFor(user);
  if (kinds.length === 0) return { items: [], nextCursor: null };
  const rows = await getDb().$queryRaw<TJobListItem[]>`
    SELECT j.id, j.kind, j.status, j."fileName", j."createdAt", u.name AS "createdByName",
           j."newCount", j."changedCount", j."unchangedCount", j."errorCount", j."errorCode"
    FROM "ImportJob" j JOIN "Org" o ON o.id = j."orgId" LEFT JOIN "User" u ON u.id = j."createdById"
    WHERE o."ancestorIds" @> ARRAY[${user.orgId}::int] AND j.kind::text = ANY(${kinds}::text[])
      AND j.id < ${cursor ?? 2_147_483_647}
    ORDER BY j.id DESC LIMIT ${PAGE_SIZE + 1}`;
  const items = rows.slice(0, PAGE_SIZE);
  return { items, nextCursor: rows.length > PAGE_SIZE ? String(items.at(-1)!.id) : null };
}
