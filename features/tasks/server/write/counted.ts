import { Prisma } from "@/lib/generated/prisma/client";

/** What task row `alias` adds to a progress sum or mean: completed 100, cancelled 0, else its progress. */
export function countedProgressSql(alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  return Prisma.sql`(CASE WHEN ${a}.status = 'COMPLETED' THEN 100 WHEN ${a}.status = 'CANCELLED' THEN 0 ELSE ${a}.progress END)`;
}
