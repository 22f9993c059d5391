import type { TDb } from "@/lib/db/client";

// "No write happened": what the matrix compares before and after every refused call.

/**
 * Tables a refused call may still write (bookkeeping, not the data it was refused): the audit trail
 * records refusals, and a request moves its session's last-seen time. Add such tables here.
 */
export const BOOKKEEPING_TABLES: readonly string[] = ["AuditEvent", "UserSession", "_prisma_migrations"];

/** Row count and the sum of row versions (xmin) of every other table: any insert, update or delete changes it. */
export async function fingerprintQuery(db: TDb): Promise<() => Promise<Record<string, string>>> {
  const tables = (
    await db.$queryRaw<{ name: string }[]>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
  )
    .map((t) => t.name)
    .filter((n) => !BOOKKEEPING_TABLES.includes(n));
  const sql = tables
    .map(
      (n) =>
        `SELECT '${n}' AS name, count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text AS fp FROM "${n}"`,
    )
    .join(" UNION ALL ");
  return async () => {
    const rows = await db.$queryRawUnsafe<{ name: string; fp: string }[]>(sql);
    return Object.fromEntries(rows.map((r) => [r.name, r.fp]));
  };
}
