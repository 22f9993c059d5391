import type { TDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { relightWhere } from "./relight";

// No "server-only": the scheduled job, the benchmark and the tests call this.

/** The advisory lock of the daily relight (one arbitrary, fixed key). */
const RELIGHT_LOCK_KEY = 7_240_114_301n;

export type TRelightRun = { ran: boolean; changed: number };

/**
 * The daily relight (lights change with time alone: due soon, overdue, lagging): once per China
 * day, whatever the number of app instances. One transaction takes a transaction advisory lock
 * (an instance that finds it taken leaves the run to the holder) and reads the marker row
 * (`LightRelight`): a day already relit is a no-op. Otherwise every task whose light differs from
 * the rule's for `today` is relit and the roll-ups move by the differences (relightWhere), and the
 * marker is set, in the same transaction: a run that fails leaves nothing half-done.
 */
export async function relightDaily(db: TDb, today: Date): Promise<TRelightRun> {
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<
        { got: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${RELIGHT_LOCK_KEY}::bigint) AS got`;
      if (!lock?.got) return { ran: false, changed: 0 };
      const [done] = await tx.$queryRaw<{ day: Date }[]>`SELECT day FROM "LightRelight" WHERE id = 1`;
      if (done && done.day.getTime() >= today.getTime()) return { ran: false, changed: 0 };
      const changed = await relightWhere(tx, Prisma.sql`TRUE`, today);
      await tx.$executeRaw`
        INSERT INTO "LightRelight" (id, day, "relitAt", changed) VALUES (1, ${today}::date, now(), ${changed})
        ON CONFLICT (id) DO UPDATE SET day = EXCLUDED.day, "relitAt" = EXCLUDED."relitAt", changed = EXCLUDED.changed`;
      return { ran: true, changed };
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
}
