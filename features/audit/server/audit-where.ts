import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAuditFilter } from "../schemas";

const DAY_MS = 86_400_000;

/** The start of a calendar day in China (Asia/Shanghai, UTC+8, no daylight saving). */
export function chinaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * The filter as a WHERE: [from, to] are whole days in China, `actor` is the username as recorded,
 * `target` is "type:id" or an id of any type.
 */
export function auditWhere(f: TAuditFilter): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.from) and.push({ at: { gte: chinaDayStart(f.from) } });
  if (f.to) and.push({ at: { lt: new Date(chinaDayStart(f.to).getTime() + DAY_MS) } });
  if (f.action) and.push({ action: f.action });
  if (f.outcome) and.push({ outcome: f.outcome });
  if (f.actor) and.push({ actorName: f.actor });
  if (f.target) {
    const m = /^([A-Za-z]+):(.+)$/.exec(f.target);
    and.push(m ? { targetType: m[1], targetId: m[2] } : { targetId: f.target });
  }
  return { AND: and };
}
