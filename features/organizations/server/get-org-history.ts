import "server-only";
import { getDb, type TDb } from "@/lib/db/client";

/** The org's 变更记录 (ChangeLog, newest first), with who made each change. The caller checked the scope. */
export async function getOrgHistory(orgId: number, db: TDb = getDb(), take = 50) {
  const rows = await db.changeLog.findMany({
    where: { entity: "ORG", entityId: orgId },
    orderBy: { id: "desc" },
    take,
    select: { id: true, action: true, changes: true, note: true, actorId: true, createdAt: true },
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is number => id !== null))];
  const actors = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? null) : null }));
}
