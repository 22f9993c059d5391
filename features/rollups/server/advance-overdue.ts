import type { TDb } from "@/lib/db/client";

/**
 * Moves the overdue watermark of every roll-up row to `today`, folding the open tasks due
 * before today into openDueBefore, so that reads only sum the few days since the last run.
 * Reads are exact with or without it. Each chunk of orgs is one transaction that first locks
 * its rows (in the writers' order); the UPDATE then sees every committed change, because a
 * writer always updates a pair's Rollup row before its RollupDue rows.
 */
export async function advanceOverdue(db: TDb, today: Date, chunk = 2000): Promise<number> {
  let moved = 0;
  let from = 0;
  for (;;) {
    const ids = await db.$queryRaw<{ orgId: number }[]>`
      SELECT DISTINCT "orgId" FROM "Rollup" WHERE "orgId" > ${from} AND "overdueAsOf" < ${today}::date ORDER BY "orgId" LIMIT ${chunk}`;
    if (ids.length === 0) return moved;
    const lo = ids[0]!.orgId;
    const hi = ids.at(-1)!.orgId;
    moved += await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "Rollup" WHERE "orgId" BETWEEN ${lo} AND ${hi} AND "overdueAsOf" < ${today}::date
          ORDER BY "orgId", "objectiveId" FOR UPDATE`;
        return tx.$executeRaw`
        UPDATE "Rollup" r SET
          "openDueBefore" = r."openDueBefore" + COALESCE((SELECT sum(d."open") FROM "RollupDue" d
            WHERE d."orgId" = r."orgId" AND d."objectiveId" = r."objectiveId" AND d."dueDate" >= r."overdueAsOf" AND d."dueDate" < ${today}::date), 0),
          "overdueAsOf" = ${today}::date
        WHERE r."orgId" BETWEEN ${lo} AND ${hi} AND r."overdueAsOf" < ${today}::date`;
      },
      { timeout: 600_000 },
    );
    from = hi;
  }
}
