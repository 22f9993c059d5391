import "server-only";
import { getDb } from "@/lib/db/client";
import { PAGE_SIZE } from "@/lib/paging";
import type { TAuditFilter } from "../schemas";
import { auditWhere } from "./audit-where";

export const AUDIT_SELECT = {
  id: true,
  at: true,
  action: true,
  outcome: true,
  actorName: true,
  ip: true,
  userAgent: true,
  targetType: true,
  targetId: true,
  detail: true,
} as const;

export type TAuditRow = {
  id: bigint;
  at: Date;
  action: string;
  outcome: string;
  actorName: string | null;
  ip: string | null;
  userAgent: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
};

/** One page of the trail, newest first; `nextCursor` is the last id shown (as digits). */
export async function listAudit(f: TAuditFilter, take = PAGE_SIZE) {
  const rows = await getDb().auditEvent.findMany({
    where: { AND: [auditWhere(f), f.cursor ? { id: { lt: BigInt(f.cursor) } } : {}] },
    orderBy: { id: "desc" },
    take: take + 1,
    select: AUDIT_SELECT,
  });
  const items = rows.slice(0, take);
  return { items, nextCursor: rows.length > take ? String(items.at(-1)!.id) : null };
}
